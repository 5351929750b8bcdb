/**
 * Boots team features for the page, once, outside React (called from main.tsx): the team
 * controller (which starts syncing when the active project is a team project, and with it
 * the transfer of added documents' texts), presence
 * that follows the open reader and the local person's profile, and — in the test build
 * only (`__MARGINALIA_TEST_HOOK__`, vite.config.ts) — the page test hook. Returns the value
 * the TeamContext provides.
 */
import type { CommandBus } from '../store/command-bus.ts';
import { getProjectSession } from '../store/project-session.ts';
import type { LibraryStore } from '../store/library-store.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { followReader } from '../sync/reader-presence.ts';
import { createTeamController } from '../sync/team-controller.ts';
import type { RemovableStore } from '../sync/team-credentials.ts';
import type { LocalDocumentTexts } from '../sync/document-transfer.ts';
import { installTestHook, type MarginaliaTestHook } from '../sync/test-hook.ts';
import type { TeamContextValue } from './team-context.ts';

/** Starts team features for `workspace` (whose session must be the active project's). */
export function startTeam(input: {
  readonly workspace: AnnotationWorkspace;
  readonly storage: RemovableStore;
  /** Read only when a title is asked for, so the library may be created after the team. */
  readonly library: Pick<LibraryStore, 'getSnapshot'>;
  readonly commands: CommandBus;
  /** The texts of added documents here, moved to and from the team's server while syncing. */
  readonly texts?: LocalDocumentTexts;
}): TeamContextValue {
  const { workspace } = input;
  const memberOf = () => {
    const member = workspace.getSnapshot().member;
    return member === null ? null : { id: member.id, name: member.name, colour: member.colour };
  };
  const controller = createTeamController({
    storage: input.storage,
    session: workspace.session,
    openSession: (projectId) => getProjectSession(projectId),
    member: memberOf(),
    restart: () => window.location.reload(),
    ...(input.texts !== undefined ? { texts: input.texts } : {}),
  });
  let lastMember = workspace.getSnapshot().member;
  workspace.subscribe(() => {
    const member = workspace.getSnapshot().member;
    if (member === lastMember || member === null) return;
    lastMember = member;
    controller.setMember({ id: member.id, name: member.name, colour: member.colour });
  });
  if (controller.sync !== null) {
    const sync = controller.sync;
    void sync.whenAttached.then(() => followReader(sync, { reader: () => workspace.reader(), subscribe: workspace.subscribe }));
  }
  // A literal `false` outside the test build: the bundler drops this call and the hook with it.
  if (__MARGINALIA_TEST_HOOK__) {
    installTestHook(window as unknown as { __marginaliaTest?: MarginaliaTestHook }, {
      doc: workspace.session.doc,
      projectId: workspace.session.projectId,
      actor: () => workspace.actor(),
      flush: () => workspace.session.flush(),
      team: controller,
      commands: input.commands,
    });
  }
  const documentTitle = (documentId: string): string => {
    const state = input.library.getSnapshot();
    if (state.status !== 'ready') return documentId;
    const entry = state.entries.find((candidate) => candidate.id === documentId);
    return entry?.status === 'ready' ? entry.article.meta.title : documentId;
  };
  return { controller, documentTitle, commands: input.commands };
}
