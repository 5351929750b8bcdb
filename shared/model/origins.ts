/**
 * Transaction origins: who or what caused a change to the project doc.
 *
 * Every model operation runs in `doc.transact(fn, origin)`. Local edits by a member use that
 * member's `localOrigin` (one stable object per member, so a Y.UndoManager can track exactly
 * it); changes arriving from the sync provider, from IndexedDB or from an imported project
 * file use the shared non-local origins, which undo never tracks (docs/architecture.md §5).
 */
import type { MemberId } from './ids.ts';

/** A local user's edit. */
export type LocalOrigin = { readonly kind: 'local'; readonly member: MemberId };
/** A change that did not come from this client's user. */
export type ForeignOrigin = { readonly kind: 'sync' | 'persistence' | 'import' | 'bookkeeping' };
/** Any origin the model uses. */
export type ModelOrigin = LocalOrigin | ForeignOrigin;

const localOrigins = new Map<MemberId, LocalOrigin>();

/** The one origin object for local edits by `member` (same object on every call). */
export function localOrigin(member: MemberId): LocalOrigin {
  let origin = localOrigins.get(member);
  if (!origin) {
    origin = Object.freeze({ kind: 'local', member });
    localOrigins.set(member, origin);
  }
  return origin;
}

/** Origin for updates applied from the team sync provider. */
export const syncOrigin: ForeignOrigin = Object.freeze({ kind: 'sync' });
/** Origin for updates loaded from local persistence (IndexedDB). */
export const persistenceOrigin: ForeignOrigin = Object.freeze({ kind: 'persistence' });
/** Origin for updates merged from a project file. */
export const importOrigin: ForeignOrigin = Object.freeze({ kind: 'import' });

/**
 * Origin for the model's own bookkeeping that must survive undo (registering which Yjs
 * client belongs to which member).
 */
export const bookkeepingOrigin: ForeignOrigin = Object.freeze({ kind: 'bookkeeping' });

/** True if `origin` is a local user's edit (as opposed to sync, persistence, import or unknown). */
export function isLocalOrigin(origin: unknown): origin is LocalOrigin {
  return typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'local';
}
