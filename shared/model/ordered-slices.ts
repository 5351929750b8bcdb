/**
 * Cuts a Yjs update (V1) into slices that a doc can apply one after another without any
 * struct ever waiting: each slice holds only structs whose dependencies (the item they
 * were inserted after and before, an explicit parent item) the receiving doc already holds
 * or an earlier struct of the slices brings. Read from struct headers (update-structs.ts),
 * so no struct is built and nothing is integrated: the cost is one pass over the bytes.
 *
 * Why: an update lists its structs client by client, so a byte-order slice (update-slices.ts)
 * often holds structs that depend on another client's structs in a later slice; Yjs keeps
 * them pending and re-reads everything pending on every later slice, which grows with the
 * square of the update. Ordered by dependency, every slice integrates at once, and a slice
 * holds one run of consecutive structs per client (as an update must).
 *
 * Structs the receiving doc already holds (below its state vector) are left out; the
 * update's delete set follows in slices of at most as many ranges (update-slices.ts).
 * Applied in order, the slices leave a doc as the whole update does. Pure: no Node, no DOM.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { readStructHeader, type StructId } from './update-structs.ts';
import { updateSlices } from './update-slices.ts';

/** One client's structs in the update: where each starts and ends, its clocks and what it waits for. */
interface ClientStructs {
  readonly client: number;
  readonly starts: number[];
  readonly ends: number[];
  readonly clocks: number[];
  readonly lengths: number[];
  readonly deps: (readonly StructId[])[];
  /** The next struct not yet in a slice. */
  next: number;
}

function readClients(update: Uint8Array): { clients: ClientStructs[]; deleteSetStart: number } {
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
  const rest = decoder.restDecoder;
  const clients: ClientStructs[] = [];
  const count = decoding.readVarUint(rest);
  for (let index = 0; index < count; index++) {
    const structs = decoding.readVarUint(rest);
    const client = decoding.readVarUint(rest);
    let clock = decoding.readVarUint(rest);
    const entry: ClientStructs = { client, starts: [], ends: [], clocks: [], lengths: [], deps: [], next: 0 };
    for (let struct = 0; struct < structs; struct++) {
      const start = rest.pos;
      const header = readStructHeader(decoder, client, clock);
      const deps: StructId[] = [];
      if (header.origin !== null) deps.push(header.origin);
      if (header.rightOrigin !== null) deps.push(header.rightOrigin);
      if (header.parent !== null && typeof header.parent !== 'string') deps.push(header.parent);
      entry.starts.push(start);
      entry.ends.push(rest.pos);
      entry.clocks.push(clock);
      entry.lengths.push(header.length);
      entry.deps.push(deps);
      clock += header.length;
    }
    clients.push(entry);
  }
  return { clients, deleteSetStart: rest.pos };
}

function encodeSlice(update: Uint8Array, runs: ReadonlyMap<ClientStructs, readonly [from: number, to: number]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, runs.size);
  for (const [entry, [from, to]] of runs) {
    encoding.writeVarUint(encoder, to - from);
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clocks[from] as number);
    encoding.writeUint8Array(encoder, update.subarray(entry.starts[from] as number, entry.ends[to - 1] as number));
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/**
 * Yields `update` as slices of at most `maxStructs` structs, ordered so that none waits in a
 * doc whose state vector is `have` (client → next clock; `Y.decodeStateVector` gives it).
 * Structs whose dependencies are in neither (a partial update) come last, as they are.
 *
 * @example for (const slice of orderedSlices(update, Y.decodeStateVector(Y.encodeStateVector(doc)), 300)) Y.applyUpdate(doc, slice)
 */
export function* orderedSlices(update: Uint8Array, have: ReadonlyMap<number, number>, maxStructs: number): Generator<Uint8Array, void, undefined> {
  if (!(maxStructs >= 1)) throw new Error(`a slice must hold at least one struct, not ${maxStructs}`);
  const { clients, deleteSetStart } = readClients(update);
  const known = new Map(have);
  for (const entry of clients) {
    // What the doc already holds entirely is left out.
    const held = known.get(entry.client) ?? 0;
    while (entry.next < entry.clocks.length && (entry.clocks[entry.next] as number) + (entry.lengths[entry.next] as number) <= held) entry.next++;
  }
  const ready = (deps: readonly StructId[]): boolean => deps.every((dep) => dep.clock < (known.get(dep.client) ?? 0));
  const remaining = (): number => clients.reduce((sum, entry) => sum + entry.clocks.length - entry.next, 0);
  let left = remaining();
  while (left > 0) {
    const runs = new Map<ClientStructs, [number, number]>();
    let inSlice = 0;
    let advanced = true;
    while (advanced && inSlice < maxStructs) {
      advanced = false;
      for (const entry of clients) {
        while (inSlice < maxStructs && entry.next < entry.clocks.length && ready(entry.deps[entry.next] as readonly StructId[])) {
          const run = runs.get(entry) ?? [entry.next, entry.next];
          run[1] = entry.next + 1;
          runs.set(entry, run);
          known.set(entry.client, (entry.clocks[entry.next] as number) + (entry.lengths[entry.next] as number));
          entry.next++;
          inSlice++;
          advanced = true;
        }
      }
    }
    if (inSlice === 0) {
      // Dependencies in neither the doc nor the update: the rest goes as it is (it waits, as it would whole).
      for (const entry of clients) if (entry.next < entry.clocks.length) runs.set(entry, [entry.next, entry.clocks.length]);
      for (const entry of clients) entry.next = entry.clocks.length;
    }
    yield encodeSlice(update, runs);
    left = remaining();
  }
  const deletes = new Uint8Array(1 + update.length - deleteSetStart);
  deletes.set(update.subarray(deleteSetStart), 1);
  for (const slice of updateSlices(deletes, maxStructs)) if (slice.length > 2) yield slice;
}
