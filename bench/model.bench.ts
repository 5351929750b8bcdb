/**
 * Model benchmarks in Node over the reference workload (shared/sample/sample-project.ts):
 * - heap per highlight: the 10k project is loaded from its update into a fresh doc, with the
 *   reader the app loads and merges with (`applyUpdateQuickly`: the same doc, its strings
 *   shared and its values' arrays sized to fit, docs/architecture.md §8), and with Yjs's own
 *   `Y.applyUpdate` for comparison (a doc a peer sent over the wire is read that way), divided
 *   by the highlight count — it includes tags, notes and replies, so it is an upper bound; the
 *   same for the project generated without notes (highlights, tags and members only) splits
 *   the figure into highlights vs notes. The budget's rows are measured in Chromium, the
 *   engine of Electron's renderer where the app keeps its doc (bench/model-heap-chromium.ts:
 *   its V8 compresses pointers, Node's does not). In Node the same load is measured with
 *   `process.memoryUsage().heapUsed` after forced full GCs before and after (gc is exposed at
 *   run time with `v8.setFlagsFromString('--expose-gc')` and fetched via
 *   `vm.runInNewContext('gc')`, so `npm run bench` needs no extra node flag), as are the
 *   renderer's own caches for one open article (document-highlights bridge + the plugin's
 *   spans and segment decorations), per highlight of that article — what the reader adds on
 *   top of the model;
 * - update bytes of a new highlight, a tag toggle and one note keystroke, as the Yjs update
 *   each emits (what goes to IndexedDB and over the wire), with the 10k project loaded;
 * - decode time: applying the whole project update to a fresh doc (the CPU part of a
 *   local load; the IndexedDB part is measured in Chromium by the reader suite).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import { loadArticle } from '#shared/documents/article.ts';
import { parseManifest } from '#shared/documents/manifest.ts';
import { describe } from '#shared/anchoring/describe.ts';
import { addHighlight, applyTag, removeTag } from '#shared/model/highlights.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { roots } from '#shared/model/layout.ts';
import { applyUpdateQuickly } from '#shared/model/quick-update-decoder.ts';
import { addNote, editNote } from '#shared/model/notes.ts';
import { agreementMetrics } from './agreement.bench.ts';
import { chromiumHeapPerHighlight } from './model-heap-chromium.ts';
import type { BenchSuite, Metric } from './harness.ts';
import { retrieveMetrics } from './analysis-retrieve.ts';
import { generateSampleProject, type SampleArticle } from '#shared/sample/sample-project.ts';
import { createDocumentHighlights } from '../renderer/annotations/document-highlights.ts';
import { createHighlightsState } from '../renderer/reader/highlights-plugin.ts';

/** The bundled articles as the generator needs them. */
export function bundledSampleArticles(): SampleArticle[] {
  const dir = new URL('../documents/', import.meta.url);
  const manifest = parseManifest(JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')));
  return manifest.documents.map((entry) => {
    const article = loadArticle(readFileSync(new URL(entry.file, dir), 'utf8'), entry.file, entry.id);
    return { id: article.meta.id, text: article.text, hash: article.hash };
  });
}

function forceGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap (bytes) each of `runs` docs loaded from `update` adds, after forced GCs; all stay alive until the end, so no run is offset by an earlier one being collected. */
function loadedHeap(update: Uint8Array, gc: () => void, runs: number, apply = applyUpdateQuickly): number[] {
  const out: number[] = [];
  const alive: Y.Doc[] = [];
  for (let run = 0; run < runs; run += 1) {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const doc = new Y.Doc();
    apply(doc, update);
    alive.push(doc);
    gc();
    gc();
    out.push(process.memoryUsage().heapUsed - before);
  }
  for (const doc of alive) doc.destroy();
  return out;
}

/** Heap per highlight held by the reader's caches for one open article (bridge + plugin state). */
function rendererHeapPerHighlight(doc: Y.Doc, gc: () => void, runs: number): number[] {
  const dir = new URL('../documents/', import.meta.url);
  const manifest = parseManifest(JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')));
  const entry = manifest.documents[0];
  if (!entry) throw new Error('no bundled article');
  const article = loadArticle(readFileSync(new URL(entry.file, dir), 'utf8'), entry.file, entry.id);
  const out: number[] = [];
  const alive: unknown[] = [];
  for (let run = 0; run < runs; run += 1) {
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const bridge = createDocumentHighlights(doc, article);
    const state = createHighlightsState(bridge.initialSpans(), article.doc);
    alive.push(bridge, state);
    gc();
    gc();
    out.push((process.memoryUsage().heapUsed - before) / Math.max(1, state.spans.size));
  }
  alive.length = 0;
  return out;
}

function updateBytes(doc: Y.Doc, change: () => void): number {
  let bytes = 0;
  const listener = (update: Uint8Array): void => {
    bytes += update.length;
  };
  doc.on('update', listener);
  change();
  doc.off('update', listener);
  return bytes;
}

/** The model suite. */
export const suite: BenchSuite = {
  name: 'model',
  async run(): Promise<Metric[]> {
    const articles = bundledSampleArticles();
    const { doc: source, summary } = generateSampleProject(articles, { seed: 1 });
    const update = Y.encodeStateAsUpdate(source);
    source.destroy();
    const gc = forceGc();

    const heap: number[] = [];
    const decode: number[] = [];
    gc();
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let kept: Y.Doc | null = null;
    for (let run = 0; run < 5; run += 1) {
      kept?.destroy();
      kept = null;
      gc();
      const start = performance.now();
      const doc = new Y.Doc();
      applyUpdateQuickly(doc, update);
      decode.push(performance.now() - start);
      kept = doc;
      gc();
      gc();
      heap.push((process.memoryUsage().heapUsed - baseline) / summary.highlights);
    }

    const doc = kept as Y.Doc;
    const { doc: bare, summary: bareSummary } = generateSampleProject(articles, { seed: 1, notes: 0 });
    const bareUpdate = Y.encodeStateAsUpdate(bare);
    bare.destroy();
    const highlightsOnly = loadedHeap(bareUpdate, gc, 3).map((bytes) => bytes / bareSummary.highlights);
    const readByYjs = loadedHeap(update, gc, 3, Y.applyUpdate).map((bytes) => bytes / summary.highlights);
    const rendererCaches = rendererHeapPerHighlight(doc, gc, 3);
    const project = { update, highlights: summary.highlights };
    const [inChromium = [], readByYjsInChromium = [], highlightsOnlyInChromium = []] = await chromiumHeapPerHighlight([
      { project, reader: 'app' },
      { project, reader: 'yjs' },
      { project: { update: bareUpdate, highlights: bareSummary.highlights }, reader: 'app' },
    ], 3);
    const member = 'benchmark-member-00000' as MemberId;
    const actor = { member };
    const article = articles[0] as SampleArticle;
    const tag = [...roots(doc).tags.keys()][0] as TagId;
    const highlightBytes: number[] = [];
    const toggleBytes: number[] = [];
    const keystrokeBytes: number[] = [];
    // Warm-up: the first write of a client also registers it (client → member, once per client).
    addHighlight(doc, actor, { documentId: article.id, documentHash: article.hash, ...describe(article.text, { start: 0, end: 10 }) });
    for (let run = 0; run < 30; run += 1) {
      const start = 100 + run * 37;
      const selectors = describe(article.text, { start, end: start + 60 });
      let id = null as ReturnType<typeof addHighlight> | null;
      highlightBytes.push(updateBytes(doc, () => {
        id = addHighlight(doc, actor, { documentId: article.id, documentHash: article.hash, position: selectors.position, quote: selectors.quote });
      }));
      const highlight = id as unknown as ReturnType<typeof addHighlight>;
      toggleBytes.push(updateBytes(doc, () => applyTag(doc, actor, highlight, tag)));
      toggleBytes.push(updateBytes(doc, () => removeTag(doc, actor, highlight, tag)));
      const note = addNote(doc, actor, highlight, 'A note');
      // The first edit also stamps "updated by/at" (refreshed at most once a minute); typing is the edits after it.
      editNote(doc, actor, note, 6, 0, ' ');
      keystrokeBytes.push(updateBytes(doc, () => editNote(doc, actor, note, 7, 0, 'x')));
    }
    return [
      { name: 'heap per highlight (10k project)', unit: 'B', samples: inChromium, budget: { statistic: 'median', max: 2048, text: '≤ 2 KB' }, note: 'in Chromium (Electron\'s renderer engine, pointers compressed): used heap with the loaded doc − before it, both after two protocol-forced collections, in a new page each sample, ÷ highlights; includes tags, notes, replies and the code the load compiled' },
      { name: 'heap per highlight, read by Yjs\'s decoder', unit: 'B', samples: readByYjsInChromium, note: 'in Chromium, the same project applied with Y.applyUpdate (as a peer\'s update arrives over the wire): a copy of each repeated string, 17-slot arrays for one-value map entries' },
      { name: 'heap per highlight, model without notes', unit: 'B', samples: highlightsOnlyInChromium, note: 'in Chromium, the 10k project generated with notes: 0 (highlights, tags, members): the highlights\' own Yjs share of the first row' },
      { name: 'heap per highlight in Node (10k project)', unit: 'B', samples: heap, note: 'the first row\'s load in Node, whose V8 does not compress pointers: (heapUsed with the loaded doc − heapUsed before any doc), both after forced GC, ÷ highlights' },
      { name: 'heap per highlight in Node, read by Yjs\'s decoder', unit: 'B', samples: readByYjs, note: 'the second row\'s load in Node' },
      { name: 'heap per highlight in Node, model without notes', unit: 'B', samples: highlightsOnly, note: 'the third row\'s load in Node' },
      { name: 'heap per highlight in Node, reader caches (open article)', unit: 'B', samples: rendererCaches, note: 'document-highlights bridge + plugin spans and segment decorations for one open article, ÷ that article\'s highlights' },
      { name: 'decode 10k project update', unit: 'ms', samples: decode },
      { name: 'update bytes: new highlight', unit: 'B', samples: highlightBytes, budget: { statistic: 'max', max: 300, text: '≤ 300 B' } },
      { name: 'update bytes: tag toggle', unit: 'B', samples: toggleBytes, budget: { statistic: 'max', max: 64, text: '≤ 64 B' } },
      { name: 'update bytes: note keystroke', unit: 'B', samples: keystrokeBytes, budget: { statistic: 'max', max: 40, text: '≤ 40 B' } },
      ...(await agreementMetrics()),
      ...(await retrieveMetrics()),
    ];
  },
};
