/**
 * The single entry point for local writes: `write(doc, actor, fn)`.
 *
 * It refuses writes to a doc of a newer schema, makes sure this Yjs client is registered
 * as the actor's (in its own untracked transaction, so undo never unregisters it), then
 * runs `fn` in one transaction with the actor's local origin. `fn` gets the member, the
 * time and an id generator, so every change records who and when, and tests can inject
 * clocks and ids.
 */
import type * as Y from 'yjs';
import { newId as randomId, type IdGenerator, type MemberId } from './ids.ts';
import { roots } from './layout.ts';
import { bookkeepingOrigin, localOrigin } from './origins.ts';
import { assertWritable } from './schema.ts';

/** The member performing an operation, with optional clock (ms since epoch) and id source. */
export type Actor = {
  readonly member: MemberId;
  readonly now?: () => number;
  readonly newId?: IdGenerator;
};

/** What a write callback receives. */
export type WriteContext = {
  readonly member: MemberId;
  /** Time of this change in ms since the epoch. */
  readonly at: number;
  readonly newId: IdGenerator;
  readonly transaction: Y.Transaction;
};

/** Records that this doc's Yjs client writes on behalf of `member` (idempotent, untracked by undo). */
export function registerClient(doc: Y.Doc, member: MemberId): void {
  const clients = roots(doc).clients;
  const key = String(doc.clientID);
  if (clients.get(key) !== member) doc.transact(() => clients.set(key, member), bookkeepingOrigin);
}

/** The member who wrote with Yjs client `clientId`, if the registry knows it. */
export function memberOfClient(doc: Y.Doc, clientId: number): MemberId | undefined {
  return roots(doc).clients.get(String(clientId));
}

/** Runs `fn` as one local transaction by `actor`; throws `SchemaError` on read-only docs. */
export function write<T>(doc: Y.Doc, actor: Actor, fn: (context: WriteContext) => T): T {
  assertWritable(doc);
  registerClient(doc, actor.member);
  const at = Math.round(actor.now ? actor.now() : Date.now());
  const newId = actor.newId ?? randomId;
  let result: T | undefined;
  doc.transact((transaction) => {
    result = fn({ member: actor.member, at, newId, transaction });
  }, localOrigin(actor.member));
  return result as T;
}
