/**
 * Test helper: teammates as separate Y.Docs that edit offline and then exchange updates,
 * the way the sync provider would (state vector → missing updates, both directions).
 */
import * as Y from 'yjs';
import type { MemberId } from '#shared/model/ids.ts';
import { syncOrigin } from '#shared/model/origins.ts';
import type { Actor } from '#shared/model/write.ts';

/** One teammate: their doc and how they act on it. */
export type Replica = { readonly doc: Y.Doc; readonly actor: Actor; readonly member: MemberId };

let counter = 0;
/** Deterministic ids for tests (valid compact ids: 21 chars + a final A). */
export function testIdGenerator(prefix: string): () => string {
  return () => {
    counter++;
    return (prefix + counter.toString(36)).padStart(21, '0').slice(-21) + 'A';
  };
}

/** A teammate with a fresh doc, a fixed clientID, a controllable clock and deterministic ids. */
export function replica(member: string, clientID: number, clock: { now: number } = { now: 1_750_000_000_000 }): Replica {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const memberId = member as MemberId;
  return { doc, member: memberId, actor: { member: memberId, now: () => clock.now, newId: testIdGenerator(member) } };
}

/** Brings `to` up to date with `from` (one direction). */
export function push(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), syncOrigin);
}

/** Exchanges updates between every pair until all replicas hold the same state. */
export function syncAll(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) push(a, b);
}
