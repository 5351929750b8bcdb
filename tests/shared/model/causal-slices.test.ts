/**
 * causalSlices and skimStructV1: a project update cut in causal order rebuilds the same
 * document with nothing left pending after any slice (where slices in the update's own
 * order leave structs pending), no slice holds more than N structs, texts with characters
 * outside ASCII keep their clocks, and the skim reads every struct's length and other
 * clients' dependencies exactly as the full header reader does.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { causalSlices, planCausalSlices } from '#shared/model/causal-slices.ts';
import { readStructs, type StructId } from '#shared/model/update-structs.ts';
import { skimStructV1 } from '#shared/model/update-skim.ts';
import { updateSlices } from '#shared/model/update-slices.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

const stateOf = (doc: Y.Doc): Buffer => Buffer.from(Y.encodeStateAsUpdate(doc));

function structCount(update: Uint8Array): number {
  const result = readStructs(update, 'v1', () => undefined);
  if ('stopped' in result) throw new Error(result.stopped);
  return result.structs;
}

/** Two clients editing one text in turns, with characters outside ASCII, and a deletion. */
function interleavedTexts(): Y.Doc {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = 1;
  b.clientID = 2;
  const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  for (let round = 0; round < 30; round++) {
    const [writer, other] = round % 2 === 0 ? [a, b] : [b, a];
    const text = writer.getText('t');
    text.insert(Math.floor(text.length / 2), round % 3 === 0 ? `é😀${round}` : `ab${round}`);
    writer.getMap('m').set(`k${round % 4}`, { round, label: `«${round}»` });
    sync(writer, other);
  }
  a.getText('t').delete(2, 5);
  sync(a, b);
  return b;
}

describe('causalSlices', () => {
  it('rebuilds a multi-member project with nothing pending between slices', () => {
    const { doc: source } = generateSampleProject(articles, { highlights: 400, seed: 3 });
    const whole = Y.encodeStateAsUpdate(source);
    const inOrder = new Y.Doc();
    let pendingInOrder = 0;
    for (const slice of updateSlices(whole, 50)) {
      Y.applyUpdate(inOrder, slice);
      if (inOrder.store.pendingStructs !== null) pendingInOrder++;
    }
    expect(pendingInOrder).toBeGreaterThan(0);

    const slices = causalSlices(whole, 50);
    const target = new Y.Doc();
    for (const slice of slices) {
      expect(structCount(slice)).toBeLessThanOrEqual(50);
      Y.applyUpdate(target, slice);
      expect(target.store.pendingStructs).toBeNull();
    }
    expect(stateOf(target).equals(stateOf(source))).toBe(true);
    expect(slices.reduce((sum, slice) => sum + structCount(slice), 0)).toBe(structCount(whole));
  });

  it('keeps the clocks of texts outside ASCII and the deletions', () => {
    const source = interleavedTexts();
    for (const size of [1, 3, 1000]) {
      const target = new Y.Doc();
      for (const slice of causalSlices(Y.encodeStateAsUpdate(source), size)) {
        Y.applyUpdate(target, slice);
        expect(target.store.pendingStructs).toBeNull();
      }
      expect(target.getText('t').toString()).toBe(source.getText('t').toString());
      expect(stateOf(target).equals(stateOf(source))).toBe(true);
    }
  });

  it('yields between planning steps and plans the same slices', () => {
    const { doc } = generateSampleProject(articles, { highlights: 60, seed: 4 });
    const whole = Y.encodeStateAsUpdate(doc);
    const plan = planCausalSlices(whole, 100, 10);
    let steps = 0;
    let step = plan.next();
    while (step.done !== true) {
      steps++;
      step = plan.next();
    }
    expect(steps).toBeGreaterThanOrEqual(Math.floor(structCount(whole) / 10) - 1);
    expect(step.value.map((slice) => Buffer.from(slice).toString('base64'))).toEqual(causalSlices(whole, 100).map((slice) => Buffer.from(slice).toString('base64')));
  });

  it('builds the slices one per step once the structs are read, so no step orders and copies the whole update', () => {
    const { doc } = generateSampleProject(articles, { highlights: 60, seed: 4 });
    const whole = Y.encodeStateAsUpdate(doc);
    const slices = causalSlices(whole, 50);
    // Reading takes one step (structsPerStep beyond the update's size); each full slice of structs is one more.
    const plan = planCausalSlices(whole, 50, Number.MAX_SAFE_INTEGER);
    let steps = 0;
    while (plan.next().done !== true) steps++;
    expect(slices.length).toBeGreaterThan(5);
    expect(steps).toBe(Math.floor(structCount(whole) / 50));
  });

  it('refuses a slice size under one and malformed bytes', () => {
    expect(() => causalSlices(Y.encodeStateAsUpdate(interleavedTexts()), 0)).toThrow(/at least one struct/);
    expect(() => causalSlices(Y.encodeStateAsUpdate(interleavedTexts()).subarray(0, 40), 10)).toThrow();
  });
});

describe('skimStructV1', () => {
  it('reads the lengths and dependencies the full reader reads', () => {
    for (const source of [interleavedTexts(), generateSampleProject(articles, { highlights: 40, seed: 9 }).doc]) {
      const update = Y.encodeStateAsUpdate(source);
      const expected: number[] = [];
      const other = (id: StructId | null, client: number): number[] => (id !== null && id.client !== client ? [id.client, id.clock] : []);
      const result = readStructs(update, 'v1', (header) => {
        expected.push(header.length, ...other(header.origin, header.id.client), ...other(header.rightOrigin, header.id.client));
        if (typeof header.parent === 'object') expected.push(...other(header.parent, header.id.client));
        return undefined;
      });
      if ('stopped' in result) throw new Error(result.stopped);
      const decoder = decoding.createDecoder(update);
      const skimmed: number[] = [];
      const clients = decoding.readVarUint(decoder);
      for (let index = 0; index < clients; index++) {
        const structs = decoding.readVarUint(decoder);
        const client = decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        for (let at = 0; at < structs; at++) {
          const deps: number[] = [];
          const length = skimStructV1(decoder, client, deps);
          skimmed.push(length, ...deps);
        }
      }
      expect(skimmed).toEqual(expected);
    }
  });
});
