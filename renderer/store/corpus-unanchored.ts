/**
 * Unanchored highlights across the whole corpus, not only the open article: every live
 * highlight is anchored against its article's canonical text with the same `anchor()` the
 * reader uses (hash match → stored position, else exact then fuzzy quote search). What
 * fails — or whose article is not in the library at all — is listed, never dropped.
 *
 * Placements come from the model's cache (per project doc, article hash and highlight,
 * shared with the reader), so a doc change re-anchors only highlights not seen before. That
 * keeps the panel cheap on a 10k-highlight project after the first scan. The first scan
 * anchors every highlight of the articles not opened yet (~100 ms for 8,000), so the panel
 * runs it in slices of at most 8 ms (`scanInSlices`), with its progress on screen.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { forEachLiveAnchor, highlightIds, liveAnchorOf } from '#shared/model/highlight-reads.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { placeHighlight } from '#shared/model/placements.ts';
import type { StoredAnchor } from '#shared/model/anchor-codec.ts';

/** Why a highlight could not be placed. */
export type UnanchoredReason = 'text-not-found' | 'document-missing' | 'old-version';

/** One live highlight that has no place in its article. */
export interface UnanchoredHighlight {
  readonly id: HighlightId;
  readonly documentId: string;
  readonly reason: UnanchoredReason;
}

/** A scanner over a fixed set of articles (outcomes are remembered by the model's placement cache). */
export interface CorpusUnanchoredIndex {
  /** Live highlights of `doc` that cannot be placed, ordered by document id then id. */
  scan(doc: Y.Doc): UnanchoredHighlight[];
  /**
   * The same list as `scan`, gone through in slices of at most `sliceMs` (default 8; 0
   * yields after every highlight), yielding between them; resolves to null when `signal`
   * aborts first. Highlights added meanwhile wait for the next scan.
   */
  scanInSlices(doc: Y.Doc, options?: SliceOptions): Promise<UnanchoredHighlight[] | null>;
}

/** How {@link CorpusUnanchoredIndex.scanInSlices} runs. */
export interface SliceOptions {
  readonly signal?: AbortSignal;
  readonly sliceMs?: number;
  /** Between slices; a macrotask by default, so input and paint get a turn. */
  readonly yieldToUi?: () => Promise<void>;
  /** After each slice: highlights gone through and how many there are. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Longest a scan slice runs before yielding (ms). */
export const SCAN_SLICE_MS = 8;

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function byDocumentThenId(a: UnanchoredHighlight, b: UnanchoredHighlight): number {
  return a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Creates a scanner for `articles` (the loaded library). Highlights on a document in
 * `replaced` (an added document with a newer version) are listed as left on the old
 * version: they did not find their passage in the new text, whatever the old one holds.
 */
export function createCorpusUnanchoredIndex(articles: readonly Article[], replaced: ReadonlySet<string> = new Set()): CorpusUnanchoredIndex {
  const byId = new Map(articles.map((article) => [article.meta.id as string, article]));
  const reasonFor = (doc: Y.Doc, id: HighlightId, stored: StoredAnchor): UnanchoredReason | null => {
    const article = byId.get(stored.documentId);
    return replaced.has(stored.documentId) ? 'old-version'
      : article === undefined ? 'document-missing' : placeHighlight(doc, id, article, stored) === null ? 'text-not-found' : null;
  };
  return {
    scan(doc) {
      const out: UnanchoredHighlight[] = [];
      forEachLiveAnchor(doc, (id, stored) => {
        const reason = reasonFor(doc, id, stored);
        if (reason !== null) out.push({ id, documentId: stored.documentId, reason });
      });
      return out.sort(byDocumentThenId);
    },
    async scanInSlices(doc, options = {}) {
      const sliceMs = options.sliceMs ?? SCAN_SLICE_MS;
      const pause = options.yieldToUi ?? nextMacrotask;
      const ids = highlightIds(doc);
      const out: UnanchoredHighlight[] = [];
      let done = 0;
      while (done < ids.length) {
        if (options.signal?.aborted === true) return null;
        const started = performance.now();
        do {
          const id = ids[done] as HighlightId;
          done += 1;
          const stored = liveAnchorOf(doc, id);
          const reason = stored === undefined ? null : reasonFor(doc, id, stored);
          if (stored !== undefined && reason !== null) out.push({ id, documentId: stored.documentId, reason });
        } while (done < ids.length && performance.now() - started < sliceMs);
        options.onProgress?.(done, ids.length);
        if (done < ids.length) await pause();
      }
      return options.signal?.aborted === true ? null : out.sort(byDocumentThenId);
    },
  };
}
