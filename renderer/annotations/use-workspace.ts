/**
 * React access to the annotation workspace: a context carrying the one workspace created
 * in main.tsx, a hook for its snapshot, and a hook that re-renders when the project doc
 * changes (coalesced to one render per animation frame, so a burst of remote updates or a
 * fast typist costs one panel refresh per frame). While a project file is being merged a
 * part per task (apply-in-slices.ts), its parts do not bump the version: the panels and
 * the library's counts rebuild once, when the last part is in, not after every task.
 * A read that goes through every highlight and may show a moment late (the codebook's
 * counts) runs in an idle period instead of in the render that opens a panel.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { afterSlices, slicesInProgress } from '#shared/model/apply-in-slices.ts';
import type { WorkspaceSnapshot } from '../store/ui-state.ts';
import type { AnnotationWorkspace } from './workspace.ts';

/** The workspace for this page (null outside the annotations gate). */
export const WorkspaceContext = createContext<AnnotationWorkspace | null>(null);

/** The workspace, or null when rendered outside the gate (e.g. isolated tests). */
export function useOptionalWorkspace(): AnnotationWorkspace | null {
  return useContext(WorkspaceContext);
}

/** The workspace; throws outside the gate. */
export function useWorkspace(): AnnotationWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null) throw new Error('useWorkspace outside <AnnotationsGate>');
  return workspace;
}

/** The workspace snapshot (re-renders on change). */
export function useWorkspaceSnapshot(workspace: AnnotationWorkspace): WorkspaceSnapshot {
  return useSyncExternalStore(workspace.subscribe, workspace.getSnapshot);
}

/** A doc's change counter, as `useDocVersion` reads it; `changes` counts every changing transaction at once. */
export type VersionSource = { subscribe(listener: () => void): () => void; get(): number; changes(): number };
const versionSources = new WeakMap<Y.Doc, VersionSource>();

/** The change counter of `doc` (one per doc): bumped at most once per frame, once at the end of slices going in. */
export function docVersionSource(doc: Y.Doc): VersionSource {
  let source = versionSources.get(doc);
  if (source) return source;
  let version = 0;
  let changes = 0;
  let frame = 0;
  let waitingForSlices = false;
  const listeners = new Set<() => void>();
  const scheduleBump = (origin: unknown): void => {
    if (frame !== 0) return;
    const slices = slicesInProgress(doc);
    if (slices !== undefined && origin === slices.origin) {
      if (waitingForSlices) return;
      waitingForSlices = true;
      afterSlices(doc, () => {
        waitingForSlices = false;
        scheduleBump(undefined);
      });
      return;
    }
    frame = requestAnimationFrame(() => {
      frame = 0;
      version += 1;
      for (const listener of [...listeners]) listener();
    });
  };
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0) return;
    changes += 1;
    scheduleBump(transaction.origin);
  };
  doc.on('afterTransaction', onTransaction);
  source = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => version,
    changes: () => changes,
  };
  versionSources.set(doc, source);
  return source;
}

/** A number that increases (at most once per frame) whenever `doc` changes; use it as a memo dependency. */
export function useDocVersion(doc: Y.Doc): number {
  const source = docVersionSource(doc);
  return useSyncExternalStore(source.subscribe, source.get);
}

type DocReads = Map<(doc: Y.Doc) => unknown, { version: number; changes: number; value: unknown }>;
const docReads = new WeakMap<Y.Doc, DocReads>();

/**
 * `read(doc)` as of the doc's current version ({@link useDocVersion}), computed once per
 * version and shared by every component asking with the same `read` (a module-level
 * function) — also across mounts, so a panel opened again on an unchanged project does not
 * go through its 10,000 highlights again.
 */
export function readAtVersion<T>(doc: Y.Doc, version: number, read: (doc: Y.Doc) => T): T {
  let reads = docReads.get(doc);
  if (reads === undefined) docReads.set(doc, (reads = new Map()));
  // Reused only while no transaction has changed the doc since (the version follows a
  // frame later, and not at all while the page is hidden).
  const cached = peekAtVersion(doc, version, read);
  if (cached !== undefined) return cached.value;
  const changes = docVersionSource(doc).changes();
  const value = read(doc);
  reads.set(read, { version, changes, value });
  return value;
}

/** The value {@link readAtVersion} holds for `read` at `version`, if it is still current. */
function peekAtVersion<T>(doc: Y.Doc, version: number, read: (doc: Y.Doc) => T): { readonly value: T } | undefined {
  const cached = docReads.get(doc)?.get(read);
  if (cached === undefined || cached.version !== version || cached.changes !== docVersionSource(doc).changes()) return undefined;
  return { value: cached.value as T };
}

/** What {@link useDocReadWhenIdle} has: the latest value read (none before the first) and whether it is of the doc as it is now. */
export type IdleRead<T> = { readonly value: T | undefined; readonly current: boolean };

/**
 * `read(doc)` as {@link useDocRead} gives it, but never computed during a render: when the
 * doc has changed since the last read, the latest value is returned (marked not current)
 * and the read runs in the next idle period (within 150 ms), then the component re-renders.
 */
export function useDocReadWhenIdle<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): IdleRead<T> {
  const version = useDocVersion(doc);
  const cached = peekAtVersion(doc, version, read);
  const [latest, setLatest] = useState<{ readonly doc: Y.Doc; readonly value: T } | null>(null);
  const missing = cached === undefined;
  useEffect(() => {
    if (!missing) return undefined;
    const handle = requestIdleCallback(() => setLatest({ doc, value: readAtVersion(doc, version, read) }), { timeout: 150 });
    return () => cancelIdleCallback(handle);
  }, [doc, version, read, missing]);
  if (cached !== undefined) return { value: cached.value, current: true };
  return { value: latest?.doc === doc ? latest.value : undefined, current: false };
}

/** `read(doc)`, recomputed when the doc changes and shared across components and mounts ({@link readAtVersion}). */
export function useDocRead<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  return readAtVersion(doc, useDocVersion(doc), read);
}
