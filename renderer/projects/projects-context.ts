/**
 * React access to the projects on this machine: the projects controller and the file flow
 * (opening and merging project files), both created once in main.tsx outside React, so
 * StrictMode's double mounting never makes a second one.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { unnamedProjectName, type ProjectList, type ProjectOrigin } from '../store/project-registry.ts';
import type { FileFlow } from './file-flow.ts';
import type { ProjectsController } from './projects-controller.ts';

/** What the projects UI needs. */
export interface ProjectsContextValue {
  readonly controller: ProjectsController;
  readonly files: FileFlow;
}

/** The projects context (null: the app runs without it, e.g. isolated tests). */
export const ProjectsContext = createContext<ProjectsContextValue | null>(null);

/** The projects context or null. */
export function useProjects(): ProjectsContextValue | null {
  return useContext(ProjectsContext);
}

/** The project list (re-renders when it changes). */
export function useProjectList(controller: ProjectsController): ProjectList {
  return useSyncExternalStore(controller.subscribe, controller.list);
}

/** The name a project is shown by (its own name, else what it is). */
export function displayName(name: string, origin: ProjectOrigin): string {
  return name.trim() !== '' ? name : unnamedProjectName(origin);
}
