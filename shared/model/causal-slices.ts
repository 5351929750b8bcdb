/**
 * Cuts a Yjs update (V1) into slices that apply one after another without waiting on
 * each other: the structs in causal order, each slice holding only structs whose origins
 * and parents are in it or in an earlier slice.
 *
 * Why: update-slices.ts cuts an update in the order it holds its structs — client by
 * client, as Yjs writes them. An item whose origin belongs to a client that comes later
 * cannot be integrated yet, so Yjs parks it, and the rest of its client's run, as pending
 * structs, then re-merges and retries that pending update at every following slice: with
 * the sample project at 10k highlights, most slices leave pending structs behind and the
 * retries cost more than the structs themselves. Ordering the structs the way Yjs's own
 * integration walks them (follow a missing dependency to its client, take structs there
 * until it is covered, come back) leaves nothing pending between slices.
 *
 * How: structs are skimmed (update-skim.ts) — ids, origins, explicit parents and where
 * each struct's bytes end, content skipped undecoded — in steps, so a caller can yield between steps; then the
 * order is worked out on those numbers alone and the slices are copied out as byte runs
 * (at most one run per client per slice, as the update format requires). The delete set
 * follows in slices of its own. The doc ends exactly as one `Y.applyUpdate` of the whole
 * update leaves it. Pure: no Node, no DOM.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { skimStructV1 } from './update-skim.ts';
import { deleteSetSlices, encodeStructSlice, type StructRun } from './update-slices.ts';

/** One client's structs in the update, by index. */
interface ClientStructs {
  readonly client: number;
  /** Byte offset of the first struct. */
  readonly start: number;
  /** Start clock of each struct. */
  readonly clocks: number[];
  /** Byte offset after each struct. */
  readonly ends: number[];
  /** Index into the dependency list where each struct's dependencies start (one more entry than structs). */
  readonly depStarts: number[];
  /** Clock after the last struct. */
  endClock: number;
  /** How many structs are taken into slices so far. */
  next: number;
}

/** What must be taken before a struct: structs of `entry` up to clock `until`. */
interface Need {
  readonly entry: ClientStructs;
  readonly until: number;
}

const takenClock = (entry: ClientStructs): number => (entry.next < entry.clocks.length ? (entry.clocks[entry.next] as number) : entry.endClock);

/**
 * Reads `update`'s struct headers, pausing (yielding) after every `structsPerStep`
 * structs; returns the clients' structs, or null when a client appears twice (then the
 * update is not cut). `deps` receives [client, clock] pairs of other clients' structs each
 * struct needs.
 */
function* readClients(decoder: Y.UpdateDecoderV1, structsPerStep: number, deps: number[]): Generator<void, ClientStructs[] | null, undefined> {
  const rest = decoder.restDecoder;
  const clients: ClientStructs[] = [];
  const seen = new Set<number>();
  let read = 0;
  const count = decoding.readVarUint(rest);
  for (let clientIndex = 0; clientIndex < count; clientIndex++) {
    const structs = decoding.readVarUint(rest);
    const client = decoding.readVarUint(rest);
    let clock = decoding.readVarUint(rest);
    if (seen.has(client)) return null;
    seen.add(client);
    const entry: ClientStructs = { client, start: rest.pos, clocks: [], ends: [], depStarts: [], endClock: clock, next: 0 };
    for (let index = 0; index < structs; index++) {
      entry.clocks.push(clock);
      entry.depStarts.push(deps.length);
      clock += skimStructV1(rest, client, deps);
      entry.ends.push(rest.pos);
      read += 1;
      if (read % structsPerStep === 0) yield;
    }
    entry.depStarts.push(deps.length);
    entry.endClock = clock;
    clients.push(entry);
  }
  return clients;
}

/** Builds slices of at most `maxStructs` structs from structs taken one at a time. */
function sliceBuilder(update: Uint8Array, maxStructs: number, out: Uint8Array[]) {
  let slice = new Map<ClientStructs, { first: number; last: number }>();
  let inSlice = 0;
  const flush = (): void => {
    if (inSlice === 0) return;
    const runs: StructRun[] = [...slice].map(([entry, run]) => ({
      client: entry.client,
      clock: entry.clocks[run.first] as number,
      count: run.last - run.first + 1,
      bytes: update.subarray(run.first === 0 ? entry.start : (entry.ends[run.first - 1] as number), entry.ends[run.last] as number),
    }));
    out.push(encodeStructSlice(runs));
    slice = new Map();
    inSlice = 0;
  };
  /** Takes the next struct of `entry`; true when that completed a slice. */
  const take = (entry: ClientStructs): boolean => {
    const run = slice.get(entry);
    if (run) run.last = entry.next;
    else slice.set(entry, { first: entry.next, last: entry.next });
    entry.next += 1;
    inSlice += 1;
    if (inSlice < maxStructs) return false;
    flush();
    return true;
  };
  return { take, flush };
}

/**
 * Takes every struct in causal order (dependencies of other clients first), as Yjs
 * integrates them; yields each time `take` says a slice is complete, so ordering and
 * copying a large update's slices is done a slice per step.
 */
function* takeInCausalOrder(clients: readonly ClientStructs[], deps: readonly number[], take: (entry: ClientStructs) => boolean): Generator<void, void, undefined> {
  const byClient = new Map(clients.map((entry) => [entry.client, entry]));
  const onStack = new Set<ClientStructs>();
  const missing = (entry: ClientStructs): Need | null => {
    const to = entry.depStarts[entry.next + 1] as number;
    for (let at = entry.depStarts[entry.next] as number; at < to; at += 2) {
      const other = byClient.get(deps[at] as number);
      const clock = deps[at + 1] as number;
      // Taken already, not in this update (so in the doc or never), or a cycle (malformed): not waited for.
      if (other === undefined || onStack.has(other) || clock < takenClock(other) || clock >= other.endClock || clock < (other.clocks[0] ?? 0)) continue;
      return { entry: other, until: clock };
    }
    return null;
  };
  for (const first of clients) {
    const stack: Need[] = [{ entry: first, until: Number.POSITIVE_INFINITY }];
    onStack.add(first);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as Need;
      const entry = top.entry;
      if (entry.next >= entry.clocks.length || takenClock(entry) > top.until) {
        stack.pop();
        onStack.delete(entry);
        continue;
      }
      const need = missing(entry);
      if (need === null) {
        if (take(entry)) yield;
      } else {
        stack.push(need);
        onStack.add(need.entry);
      }
    }
  }
}

/**
 * Plans `update`'s causal slices of at most `maxStructs` structs (and delete ranges)
 * each: a generator that yields after every `structsPerStep` structs read and after each
 * slice built, so a caller can pause between steps, and returns the slices. An update that cannot be cut (a
 * client twice) comes back whole. Throws on malformed bytes, like the reader.
 *
 * @example const slices = drain(planCausalSlices(update, 500))
 */
export function* planCausalSlices(update: Uint8Array, maxStructs: number, structsPerStep = 1000): Generator<void, Uint8Array[], undefined> {
  if (!(maxStructs >= 1)) throw new Error(`a slice must hold at least one struct, not ${maxStructs}`);
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
  const deps: number[] = [];
  const clients = yield* readClients(decoder, Math.max(1, structsPerStep), deps);
  if (clients === null) return [update];
  const slices: Uint8Array[] = [];
  const builder = sliceBuilder(update, maxStructs, slices);
  yield* takeInCausalOrder(clients, deps, builder.take);
  builder.flush();
  for (const slice of deleteSetSlices(update, decoder.restDecoder, maxStructs)) slices.push(slice);
  return slices.length > 0 ? slices : [update];
}

/** `update`'s causal slices of at most `maxStructs` structs each, planned in one go. */
export function causalSlices(update: Uint8Array, maxStructs: number): Uint8Array[] {
  const plan = planCausalSlices(update, maxStructs, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = plan.next();
    if (step.done === true) return step.value;
  }
}
