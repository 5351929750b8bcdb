/**
 * The project switcher in the top bar: a button showing the open project's name that
 * opens the projects dialog (ProjectsDialog.tsx). The File menu reaches the same dialog
 * ('projects', 'new-project'); the file commands are ProjectsHost.tsx's. Every project
 * action is findable from the menu and from the keyboard.
 */
import { useEffect, useState } from 'react';
import type { CommandBus } from '../store/command-bus.ts';
import { findProject } from '../store/project-registry.ts';
import { ProjectsDialog } from './ProjectsDialog.tsx';
import { displayName, useProjectList, useProjects } from './projects-context.ts';
import './projects.css';

/** The switcher (nothing outside a ProjectsContext). */
export function ProjectSwitcher({ commands }: { readonly commands: Pick<CommandBus, 'subscribe'> }) {
  const projects = useProjects();
  const [open, setOpen] = useState<null | 'list' | 'new'>(null);
  useEffect(() => commands.subscribe((command) => {
    if (command === 'projects') setOpen('list');
    else if (command === 'new-project') setOpen('new');
  }), [commands]);
  if (projects === null) return null;
  return <Switcher projects={projects} open={open} setOpen={setOpen} />;
}

function Switcher({ projects, open, setOpen }: { projects: NonNullable<ReturnType<typeof useProjects>>; open: null | 'list' | 'new'; setOpen(value: null | 'list' | 'new'): void }) {
  const list = useProjectList(projects.controller);
  const active = findProject(list, list.active);
  const name = displayName(active?.summary.name ?? '', active?.origin ?? 'personal');
  return (
    <>
      <button
        type="button"
        className="button project-switcher"
        aria-haspopup="dialog"
        title="Switch, create, rename or remove projects"
        data-testid="project-switcher"
        onClick={() => setOpen('list')}
      >
        <span className="project-switcher__label">Project:</span>
        <span className="project-switcher__name">{name}</span>
        <span aria-hidden="true" className="project-switcher__caret">▾</span>
      </button>
      <ProjectsDialog projects={projects} open={open !== null} startWithNew={open === 'new'} onClose={() => setOpen(null)} />
    </>
  );
}
