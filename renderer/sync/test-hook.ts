/**
 * `window.__marginaliaTest`: a small, read-mostly window into the running app for end-to-end
 * tests and benchmarks. It exists only in the test build (out/renderer-test): start-team.ts
 * installs it behind the build-time constant `__MARGINALIA_TEST_HOOK__` (vite.config.ts),
 * which is `false` in the app people use, so there the hook is removed as dead code and no
 * URL or setting can bring it back.
 *
 * It exposes what a test cannot read reliably from pixels: the sync status and peers, the
 * canonical snapshot of the project (canonical-snapshot.ts) to compare replicas, how many
 * updates the project's doc has seen (so a test can tell that a key press changed nothing),
 * a flush of IndexedDB, and the model's own write functions bound to this page's doc and
 * person, so a test can stage conflicting offline edits exactly (the same functions the UI
 * calls), and a way to send a menu command as Electron's native menu would (the browser
 * build has no native menu; an unknown command is refused by the IPC contract's validator).
 */
import * as Y from 'yjs';
import { addHighlight, applyTag, deleteHighlight, removeTag } from '#shared/model/highlights.ts';
import type { HighlightId, NoteId, TagId } from '#shared/model/ids.ts';
import { addNote, editNote, setNoteText } from '#shared/model/notes.ts';
import { encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
import { createTag, mergeTag, updateTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import { validateMenuCommand } from '#shared/ipc/menu.ts';
import type { CommandBus } from '../store/command-bus.ts';
import { canonicalSnapshotJson } from './canonical-snapshot.ts';
import { describeSyncStatus } from './sync-status.ts';
import type { TeamController } from './team-controller.ts';

/** What the hook needs from the app. */
export interface TestHookSources {
  readonly doc: Y.Doc;
  readonly projectId: string;
  readonly actor: () => Actor;
  readonly flush: () => Promise<void>;
  readonly team: TeamController;
  /** Where {@link createTestHook}'s `menuCommand` sends commands. */
  readonly commands: Pick<CommandBus, 'emit'>;
}

/** Builds the hook object (exported for typing in tests). */
export function createTestHook(sources: TestHookSources) {
  const { doc } = sources;
  let docUpdates = 0;
  // Counted as Yjs emits 'update' (a transaction that added structs or deleted some),
  // without an update listener: that would make Yjs encode every transaction's update.
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const grew = [...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock);
    if (grew || transaction.deleteSet.clients.size > 0) docUpdates += 1;
  });
  return {
    projectId: sources.projectId,
    /** How many updates (local or remote) the project's doc has applied since the page loaded. */
    docUpdates: () => docUpdates,
    sync: {
      phase: () => sources.team.sync?.status().phase ?? 'not-joined',
      label: () => (sources.team.sync ? describeSyncStatus(sources.team.sync.status()).label : 'Not shared'),
      unsynced: () => sources.team.sync?.status().unsyncedChanges ?? 0,
      peers: () => sources.team.sync?.peers().map((peer) => ({ name: peer.member.name, documentId: peer.documentId, selection: peer.selection })) ?? [],
    },
    snapshot: () => canonicalSnapshotJson(doc),
    flush: sources.flush,
    /** Emits `command` on the app's command bus, as a native menu item would; throws on an unknown command. */
    menuCommand: (command: string) => {
      const checked = validateMenuCommand(command);
      if (!checked.ok) throw new Error(checked.error);
      sources.commands.emit(checked.value);
    },
    stateVector: () => Array.from(Y.encodeStateVector(doc)),
    projectFile: () => Array.from(encodeProjectFile(doc)),
    mergeProjectFile: (bytes: number[]) => mergeProjectFile(doc, Uint8Array.from(bytes)),
    model: {
      createTag: (name: string, colour: string) => createTag(doc, sources.actor(), { name, colour }),
      updateTag: (id: string, name: string) => updateTag(doc, sources.actor(), id as TagId, { name }),
      mergeTag: (from: string, into: string) => mergeTag(doc, sources.actor(), from as TagId, into as TagId),
      addHighlight: (input: { documentId: string; documentHash: string; start: number; end: number; exact: string; prefix: string; suffix: string; tags?: string[] }) =>
        addHighlight(doc, sources.actor(), {
          documentId: input.documentId,
          documentHash: input.documentHash,
          position: { start: input.start, end: input.end },
          quote: { exact: input.exact, prefix: input.prefix, suffix: input.suffix },
          tags: (input.tags ?? []) as TagId[],
        }),
      applyTag: (highlight: string, tag: string) => applyTag(doc, sources.actor(), highlight as HighlightId, tag as TagId),
      removeTag: (highlight: string, tag: string) => removeTag(doc, sources.actor(), highlight as HighlightId, tag as TagId),
      deleteHighlight: (highlight: string) => deleteHighlight(doc, sources.actor(), highlight as HighlightId),
      addNote: (highlight: string, text: string) => addNote(doc, sources.actor(), highlight as HighlightId, text),
      editNote: (note: string, index: number, deleteCount: number, insert: string) => editNote(doc, sources.actor(), note as NoteId, index, deleteCount, insert),
      setNoteText: (note: string, text: string) => setNoteText(doc, sources.actor(), note as NoteId, text),
    },
  };
}

/** The hook's type, for tests that read it through `page.evaluate`. */
export type MarginaliaTestHook = ReturnType<typeof createTestHook>;

/** Installs the hook on `target` (the window); only ever called in the test build. */
export function installTestHook(target: { __marginaliaTest?: MarginaliaTestHook }, sources: TestHookSources): void {
  target.__marginaliaTest = createTestHook(sources);
}
