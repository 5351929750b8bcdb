/**
 * Reading positions, remembered per article in the browser's storage (localStorage in
 * practice; any `Storage` in tests). A position is a canonical-text offset — the same
 * coordinate highlights use — so it survives re-rendering, window sizes and font changes.
 * Besides the last position we keep the furthest progress reached, which the library shows.
 *
 * Storage failures (quota, private mode, malformed JSON written by someone else) never break
 * reading: reads fall back to "no position", writes are dropped.
 *
 * The store is observable (a revision number and listeners, the shape React's
 * useSyncExternalStore reads): the reader saves its position as it is taken off the page,
 * which is after the library that replaces it has rendered, so the library re-renders when
 * that last save lands instead of showing the one before it.
 */

/** What we remember about one article. */
export interface ReadingPosition {
  /** Canonical-text offset of the first block visible at the top of the reader. */
  readonly offset: number;
  /** Furthest fraction of the article seen so far, 0..1 (never decreases). */
  readonly progress: number;
  /** When it was last written (ms since epoch). */
  readonly updatedAt: number;
}

/** Prefix of every key this module writes; one key per document id. */
export const READING_POSITION_KEY_PREFIX = 'marginalia:reading-position:';

/** The storage key for one document. */
export function readingPositionKey(documentId: string): string {
  return READING_POSITION_KEY_PREFIX + documentId;
}

function isReadingPosition(value: unknown): value is ReadingPosition {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.offset === 'number' && Number.isFinite(record.offset) && record.offset >= 0
    && typeof record.progress === 'number' && record.progress >= 0 && record.progress <= 1
    && typeof record.updatedAt === 'number';
}

/** Reads and writes reading positions in one `Storage`. */
export interface ReadingPositionStore {
  /** The remembered position, or null when there is none (or it is unreadable). */
  get(documentId: string): ReadingPosition | null;
  /**
   * Records that the reader is at `offset` having seen up to `progress` (0..1) of the text.
   * Progress only grows; the offset is always the latest.
   */
  record(documentId: string, offset: number, progress: number): ReadingPosition;
  /** Calls `listener` after every `record`; returns what unsubscribes it. */
  subscribe(listener: () => void): () => void;
  /** A number that changes with every `record` (a snapshot for useSyncExternalStore). */
  revision(): number;
}

/** Creates a store over `storage` with an injectable clock (for tests). */
export function createReadingPositionStore(storage: Storage, now: () => number = Date.now): ReadingPositionStore {
  const get = (documentId: string): ReadingPosition | null => {
    try {
      const raw = storage.getItem(readingPositionKey(documentId));
      if (raw === null) return null;
      const parsed: unknown = JSON.parse(raw);
      return isReadingPosition(parsed) ? parsed : null;
    } catch {
      return null;
    }
  };
  const listeners = new Set<() => void>();
  let revision = 0;
  return {
    get,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    revision: () => revision,
    record(documentId, offset, progress) {
      const previous = get(documentId);
      const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
      const position: ReadingPosition = {
        offset: Math.max(0, Math.floor(offset)),
        progress: Math.max(previous?.progress ?? 0, clamped),
        updatedAt: now(),
      };
      try {
        storage.setItem(readingPositionKey(documentId), JSON.stringify(position));
      } catch {
        // Storage full or unavailable: reading goes on; the position is simply not kept.
      }
      revision += 1;
      for (const listener of [...listeners]) listener();
      return position;
    },
  };
}
