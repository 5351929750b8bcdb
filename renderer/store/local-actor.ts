/**
 * The local person as the model's actor: their profile (identity.ts), recorded in the
 * project; the `Actor` every local write goes through; and their own undo and redo.
 *
 * The first write of a fresh project stamps the project meta (`createProject`, once, with
 * the session's project id and the name the project is shown by until then, so the name a
 * person sees does not change under them) — never at startup, so a fresh client can still merge a
 * teammate's project file into its empty doc. Profile and project stamping run under the
 * bookkeeping origin, so a person's undo never un-creates them. The undo manager starts as
 * soon as both a profile and the loaded project exist: one created later would miss the
 * person's first edit.
 */
import { getMember } from '#shared/model/members.ts';
import { bookkeepingOrigin } from '#shared/model/origins.ts';
import { createProject, getProjectMeta, setMember } from '#shared/model/project.ts';
import type { Actor } from '#shared/model/write.ts';
import { loadLocalMember, localProjectId, saveLocalMember, type KeyValueStore, type LocalMember } from './identity.ts';
import { storedProjectOrigin, unnamedProjectName } from './project-registry.ts';
import type { ProjectSession } from './project-session.ts';


/** The local person. */
export interface LocalActor {
  /** The profile, or null before first run. */
  member(): LocalMember | null;
  /** Saves the first-run (or edited) profile and records it in the project; returns it. */
  setProfile(profile: { readonly name: string; readonly colour: string }): LocalMember;
  /** The person as a model actor; stamps the project on first use. Throws before first run. */
  actor(): Actor;
  /** The name the project is shown by: its own, else what it is ("Personal project"…). */
  projectName(): string;
  /** Records the profile in the loaded project and starts undo (call once the session has loaded). */
  projectLoaded(): void;
  /** Undoes the person's own last change (nothing before first run). */
  undo(): void;
  /** Redoes the person's own last undone change. */
  redo(): void;
  /** Ends the current undo step: the person's next change starts a new one, however soon it comes. */
  endUndoStep(): void;
}

/** Creates the local actor for `session`, reading the profile from `storage`. */
export function createLocalActor(storage: KeyValueStore, session: ProjectSession): LocalActor {
  let member = loadLocalMember(storage);

  const recordProfile = (): void => {
    if (member === null || !session.loaded()) return;
    const current = getMember(session.doc, member.id);
    if (current && current.name === member.name && current.colour === member.colour) return;
    const profile = { name: member.name, colour: member.colour };
    const actor = { member: member.id };
    session.doc.transact(() => setMember(session.doc, actor, profile), bookkeepingOrigin);
  };
  const projectName = (): string => {
    const own = getProjectMeta(session.doc).name;
    if (own.trim() !== '') return own;
    const origin = storedProjectOrigin(storage, session.projectId) ?? (session.projectId === localProjectId(storage) ? 'personal' : 'created');
    return unnamedProjectName(origin);
  };
  const startUndo = (): void => {
    if (member !== null && session.loaded()) session.undoManager(member.id);
  };

  return {
    member: () => member,
    setProfile(profile) {
      member = saveLocalMember(storage, profile);
      recordProfile();
      startUndo();
      return member;
    },
    actor() {
      if (member === null) throw new Error('choose a display name first');
      const actor: Actor = { member: member.id };
      if (getProjectMeta(session.doc).id === undefined) {
        const name = projectName();
        session.doc.transact(() => createProject(session.doc, actor, { name, id: session.projectId }), bookkeepingOrigin);
      }
      return actor;
    },
    projectName,
    projectLoaded() {
      recordProfile();
      startUndo();
    },
    undo() {
      if (member !== null) session.undoManager(member.id).undo();
    },
    redo() {
      if (member !== null) session.undoManager(member.id).redo();
    },
    endUndoStep() {
      if (member !== null && session.loaded()) session.undoManager(member.id).stopCapturing();
    },
  };
}
