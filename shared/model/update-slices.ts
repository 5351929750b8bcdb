/**
 * Cuts a Yjs update (V1, as y-protocols and project files carry it) into smaller updates
 * of at most so many structs each, without building any struct.
 *
 * Why: Yjs applies an update in one synchronous transaction, so one update of 50,000
 * structs holds a server's event loop for as long as integrating them takes, and every
 * other room waits. Applied one after another, the slices of an update leave a document
 * exactly as the whole update would (a CRDT: an item whose origin is in a later slice
 * waits in Yjs's pending structs until it arrives), and a caller can yield between them.
 *
 * How: a V1 update is one byte stream — per client, a struct count, the client, the first
 * clock and the structs; then the delete set, per client its ranges. The slicer reads
 * struct headers (update-structs.ts) to find where each struct ends and copies byte runs
 * into new updates: each slice holds runs of consecutive structs of one or more clients
 * (the run restarts at the clock where the previous slice stopped) and an empty delete
 * set; the delete set follows in slices of at most as many ranges. A generator, so each
 * step reads only what its slice needs: taking one slice costs at most `maxStructs`
 * structs of reading. Throws on malformed bytes, like the reader. Pure: no Node, no DOM.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { readStructHeader } from './update-structs.ts';

/** A run of consecutive structs of one client, as bytes of the update. */
export interface StructRun {
  readonly client: number;
  readonly clock: number;
  readonly count: number;
  readonly bytes: Uint8Array;
}

/** A delete-set entry: one client's ranges, as bytes of the update. */
interface DeleteRun {
  readonly client: number;
  readonly ranges: number;
  readonly bytes: Uint8Array;
}

/** An update holding `runs` (at most one per client) and an empty delete set. */
export function encodeStructSlice(runs: readonly StructRun[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder, run.count);
    encoding.writeVarUint(encoder, run.client);
    encoding.writeVarUint(encoder, run.clock);
    encoding.writeUint8Array(encoder, run.bytes);
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

function encodeDeleteSlice(runs: readonly DeleteRun[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder, run.client);
    encoding.writeVarUint(encoder, run.ranges);
    encoding.writeUint8Array(encoder, run.bytes);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Yields `update` as updates of at most `maxStructs` structs (and, after them, at most
 * `maxStructs` delete ranges) each, in the order the update holds them. An update within
 * the bound comes back as one slice equal in effect to it.
 *
 * @example for (const slice of updateSlices(update, 2000)) Y.applyUpdate(doc, slice)
 */
export function* updateSlices(update: Uint8Array, maxStructs: number): Generator<Uint8Array, void, undefined> {
  if (!(maxStructs >= 1)) throw new Error(`a slice must hold at least one struct, not ${maxStructs}`);
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
  const rest = decoder.restDecoder;
  let runs: StructRun[] = [];
  let inSlice = 0;
  let yielded = false;
  const clients = decoding.readVarUint(rest);
  for (let clientIndex = 0; clientIndex < clients; clientIndex++) {
    let left = decoding.readVarUint(rest);
    const client = decoding.readVarUint(rest);
    let clock = decoding.readVarUint(rest);
    while (left > 0) {
      const take = Math.min(left, maxStructs - inSlice);
      const runClock = clock;
      const start = rest.pos;
      for (let index = 0; index < take; index++) clock += readStructHeader(decoder, client, clock).length;
      runs.push({ client, clock: runClock, count: take, bytes: update.subarray(start, rest.pos) });
      left -= take;
      inSlice += take;
      if (inSlice === maxStructs) {
        yield encodeStructSlice(runs);
        yielded = true;
        runs = [];
        inSlice = 0;
      }
    }
  }
  if (runs.length > 0) {
    yield encodeStructSlice(runs);
    yielded = true;
  }
  for (const slice of deleteSetSlices(update, rest, maxStructs)) {
    yield slice;
    yielded = true;
  }
  if (!yielded) yield encodeStructSlice([]);
}

/**
 * Yields the delete set of `update`, read from `rest` (positioned at it, after the
 * structs), as updates of at most `maxRanges` ranges each and no structs.
 */
export function* deleteSetSlices(update: Uint8Array, rest: decoding.Decoder, maxRanges: number): Generator<Uint8Array, void, undefined> {
  let deletes: DeleteRun[] = [];
  let rangesInSlice = 0;
  const deleteClients = decoding.readVarUint(rest);
  for (let clientIndex = 0; clientIndex < deleteClients; clientIndex++) {
    const client = decoding.readVarUint(rest);
    let left = decoding.readVarUint(rest);
    while (left > 0) {
      const take = Math.min(left, maxRanges - rangesInSlice);
      const start = rest.pos;
      for (let index = 0; index < take; index++) {
        decoding.readVarUint(rest);
        decoding.readVarUint(rest);
      }
      deletes.push({ client, ranges: take, bytes: update.subarray(start, rest.pos) });
      left -= take;
      rangesInSlice += take;
      if (rangesInSlice === maxRanges) {
        yield encodeDeleteSlice(deletes);
        deletes = [];
        rangesInSlice = 0;
      }
    }
  }
  if (deletes.length > 0) yield encodeDeleteSlice(deletes);
}
