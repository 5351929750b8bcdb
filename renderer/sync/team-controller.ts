/**
 * The app's team membership: which project is active, the running team sync, joining and
 * leaving.
 *
 * What happens to local work (decided here, documented in the Team dialog):
 * - Before joining, the app works on a personal project (its own id, its own IndexedDB).
 * - Joining makes the team project the active project: a separate Y.Doc and IndexedDB
 *   database named by the team project's id, synced with the server. The personal
 *   project is kept untouched on this computer.
 * - When joining, the person may tick "Copy my local annotations into the team project":
 *   the personal doc is merged into the team doc as a CRDT update (copy-local-work.ts) —
 *   teammates then see those highlights, tags and notes.
 * - Leaving forgets the credentials and returns to the personal project; the team
 *   project's local copy stays in IndexedDB (joining again resumes from it).
 * - Switching to another project (the project switcher) leaves the credentials bound to the
 *   team project: sync runs only while the team project is the active one, so switching
 *   away stops it and switching back resumes it.
 * Joining and leaving restart the page (`restart`): the workspace, its undo managers and
 * every view are bound to one project for the life of the page, which keeps them simple;
 * a reload opens the new active project from IndexedDB in well under a second.
 */
import type { ProjectId } from '#shared/model/ids.ts';
import type { Invite } from '#shared/sync/invite.ts';
import type * as Y from 'yjs';
import { localProjectId, type KeyValueStore } from '../store/identity.ts';
import { activateProject, addProject, readProjectList, writeProjectList, type KnownProjects } from '../store/project-registry.ts';
import { copyLocalWork } from './copy-local-work.ts';
import { forgetTeamCredentials, loadTeamCredentials, saveTeamCredentials, type RemovableStore, type TeamCredentials } from './team-credentials.ts';
import { startTeamSync, type SyncTarget, type TeamSync } from './team-sync.ts';
import type { SharedSocketOptions } from './shared-socket.ts';
import type { PresenceState } from './presence.ts';
import type { DocumentTransfer, LocalDocumentTexts } from './document-transfer.ts';
import { startTeamDocuments } from './team-documents.ts';

/** The projects known without the project list: the personal one and the team project joined. */
export function knownProjects(storage: KeyValueStore): KnownProjects {
  return { personal: localProjectId(storage), team: loadTeamCredentials(storage)?.projectId ?? null };
}

/**
 * The project the app opens: the one chosen in the project list (store/project-registry.ts);
 * before any choice, the team project when joined, else the personal one.
 */
export function activeProjectId(storage: KeyValueStore): ProjectId {
  return readProjectList(storage, knownProjects(storage)).active;
}

/** Makes `projectId` the active project of the stored list (adding it as `origin` if missing). */
function activate(storage: KeyValueStore, projectId: ProjectId, origin: 'team' | 'personal'): void {
  const list = addProject(readProjectList(storage, knownProjects(storage)), { id: projectId, origin });
  writeProjectList(storage, activateProject(list, projectId));
}

/** A project's doc as the controller needs it (a ProjectSession satisfies this). */
export interface ControlledSession extends SyncTarget {
  flush(): Promise<void>;
}

/** Options of {@link createTeamController}. */
export interface TeamControllerOptions extends SharedSocketOptions {
  readonly storage: RemovableStore;
  /** The active project's session (see `activeProjectId`). */
  readonly session: ControlledSession;
  /** Opens another project's session (for copying personal work into the team project). */
  readonly openSession: (projectId: ProjectId) => ControlledSession;
  /** The local person for presence (null before first run). */
  readonly member: PresenceState['member'] | null;
  /** Reloads the app so the new active project opens. */
  readonly restart: () => void;
  /** The texts of added documents on this computer: with them, their transfer runs while the sync does. */
  readonly texts?: LocalDocumentTexts;
}

/** Options of joining. */
export interface JoinOptions {
  /** Merge the personal project into the team project before switching. */
  readonly copyLocalWork: boolean;
}

/** The app's team state and actions. */
export interface TeamController {
  /** Credentials in use, or null when working on the personal project. */
  readonly credentials: TeamCredentials | null;
  /** The running sync of the active team project, or null. */
  readonly sync: TeamSync | null;
  /** The transfer of added documents' texts running with the sync (null without sync or text store). */
  readonly transfer: DocumentTransfer | null;
  /** Id of the personal project. */
  readonly personalProjectId: ProjectId;
  /** Joins `invite`'s project (optionally copying personal work), then restarts. */
  join(invite: Invite, options: JoinOptions): Promise<void>;
  /** Leaves the team: stops syncing, forgets the credentials, restarts on the personal project. */
  leave(): Promise<void>;
  /** Sets the member shown to teammates. */
  setMember(member: PresenceState['member']): void;
  /** Stops syncing (page teardown). */
  destroy(): void;
}

/** Creates the controller; starts syncing when the active project is a team project. */
export function createTeamController(options: TeamControllerOptions): TeamController {
  const credentials = loadTeamCredentials(options.storage);
  const personalProjectId = localProjectId(options.storage);
  const syncing = credentials !== null && credentials.projectId === options.session.projectId;
  const sync = syncing
    ? startTeamSync({
        credentials,
        target: options.session,
        member: options.member,
        ...(options.timing !== undefined ? { timing: options.timing } : {}),
        ...(options.WebSocketPolyfill !== undefined ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
        ...(options.socketScope !== undefined ? { socketScope: options.socketScope } : {}),
      })
    : null;
  const transfer = sync !== null && credentials !== null && options.texts !== undefined
    ? startTeamDocuments({ sync, token: credentials.token, doc: options.session.doc as Y.Doc, texts: options.texts })
    : null;
  const stopSync = (): void => {
    transfer?.stop();
    sync?.destroy();
  };

  const sessionFor = (projectId: ProjectId): ControlledSession =>
    projectId === options.session.projectId ? options.session : options.openSession(projectId);

  return {
    credentials: syncing ? credentials : null,
    sync,
    transfer,
    personalProjectId,
    async join(invite, joinOptions) {
      if (joinOptions.copyLocalWork && invite.projectId !== personalProjectId) {
        const personal = sessionFor(personalProjectId);
        const team = sessionFor(invite.projectId);
        await Promise.all([personal.whenLoaded, team.whenLoaded]);
        copyLocalWork(personal.doc as Y.Doc, team.doc as Y.Doc, invite.projectId);
        await team.flush();
      }
      stopSync();
      saveTeamCredentials(options.storage, invite);
      activate(options.storage, invite.projectId, 'team');
      options.restart();
    },
    async leave() {
      stopSync();
      await options.session.flush();
      forgetTeamCredentials(options.storage);
      activate(options.storage, personalProjectId, 'personal');
      options.restart();
    },
    setMember(member) {
      sync?.setMember(member);
    },
    destroy() {
      stopSync();
    },
  };
}
