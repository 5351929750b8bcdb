/**
 * Opening a REFI-QDA project archive (`.qdpx`, a zip) safely: the archive's own
 * declarations are checked before anything is inflated, so a zip bomb is refused without
 * allocating what it claims. Limits: the archive's size, the number of entries, the
 * uncompressed size of each entry and of all entries together (fflate inflates each entry
 * into a buffer of its declared size and never past it, so a lying size only truncates).
 *
 * The project document is the one `.qde` file at the archive's root, whatever its name
 * (`project.qde` is only a habit); source files are looked up by path, case-insensitively,
 * so `sources/`, `Sources/` and `SOURCES/` all work.
 */
import { unzipSync } from 'fflate';

/** Bounds on what a `.qdpx` may hold. */
export type QdpxLimits = {
  /** Largest archive accepted (bytes). */
  readonly maxArchiveBytes: number;
  /** Most entries (files and folders) accepted. */
  readonly maxEntries: number;
  /** Largest uncompressed entry (bytes). */
  readonly maxEntryBytes: number;
  /** Largest uncompressed total (bytes). */
  readonly maxTotalBytes: number;
};

/** Default bounds: generous for text projects, far below what would exhaust memory. */
export const QDPX_LIMITS: QdpxLimits = {
  maxArchiveBytes: 128 * 1024 * 1024,
  maxEntries: 20_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

/** An archive, a project document or a file refused as a whole; the message says why. */
export class QdpxRefusal extends Error {
  override readonly name = 'QdpxRefusal';
}

/** The opened archive: the project document and the other files by lower-cased path. */
export type QdpxArchive = {
  /** The `.qde` file's name in the archive. */
  readonly qdeName: string;
  readonly qde: Uint8Array;
  /** Every other file, keyed by its path lower-cased with `\` read as `/`. */
  readonly files: ReadonlyMap<string, { readonly path: string; readonly bytes: Uint8Array }>;
};

/** The lookup key of an archive path: lower case, `/` separators, no leading `./` or `/`. */
export function archiveKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '').toLowerCase();
}

/** Opens `bytes` as a `.qdpx`; throws {@link QdpxRefusal} naming the first problem. */
export function openQdpxArchive(bytes: Uint8Array, limits: QdpxLimits = QDPX_LIMITS): QdpxArchive {
  if (bytes.length > limits.maxArchiveBytes) throw new QdpxRefusal(`the file is too large (${bytes.length} bytes, limit ${limits.maxArchiveBytes})`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new QdpxRefusal('not a REFI-QDA project: the file is not a zip archive');
  let entries = 0;
  let total = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        if (entries > limits.maxEntries) throw new QdpxRefusal(`the archive has more than ${limits.maxEntries} entries`);
        if (entry.originalSize > limits.maxEntryBytes) throw new QdpxRefusal(`"${entry.name}" would unpack to ${entry.originalSize} bytes (limit ${limits.maxEntryBytes} per file)`);
        total += entry.originalSize;
        if (total > limits.maxTotalBytes) throw new QdpxRefusal(`the archive would unpack to more than ${limits.maxTotalBytes} bytes`);
        return !entry.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof QdpxRefusal) throw error;
    throw new QdpxRefusal(`not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  const files = new Map<string, { path: string; bytes: Uint8Array }>();
  const projects: string[] = [];
  for (const [path, content] of Object.entries(raw)) {
    const key = archiveKey(path);
    if (!key.includes('/') && key.endsWith('.qde')) projects.push(path);
    else files.set(key, { path, bytes: content });
  }
  if (projects.length === 0) throw new QdpxRefusal('not a REFI-QDA project: the archive has no .qde file at its root');
  if (projects.length > 1) throw new QdpxRefusal(`the archive has ${projects.length} .qde files at its root (${projects.join(', ')}); expected one`);
  const qdeName = projects[0] as string;
  return { qdeName, qde: raw[qdeName] as Uint8Array, files };
}
