/**
 * Limits and the one error type of document conversion.
 *
 * A user's file is untrusted input: it may be huge, hostile (a zip bomb), damaged, of a
 * format we do not read, or hold no text at all. Each refusal is a {@link ConvertError}
 * whose `reason` a caller can act on and whose message names the file and says why in
 * words a person understands. Nothing is converted halfway: a refused file yields nothing.
 */

/** Why a file was refused. */
export type ConvertErrorReason = 'too-large' | 'too-long' | 'unsupported' | 'malformed' | 'no-text' | 'zip-bomb';

/** Refusal of a file, with its reason; the message starts with the file's name. */
export class ConvertError extends Error {
  /** What kind of refusal this is. */
  readonly reason: ConvertErrorReason;
  /** The file's name as the caller gave it. */
  readonly fileName: string;

  /** Builds the message `fileName: detail`. */
  constructor(reason: ConvertErrorReason, fileName: string, detail: string) {
    super(`${fileName}: ${detail}`);
    this.name = 'ConvertError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

/** How much a conversion accepts; every field has a default ({@link defaultConvertLimits}). */
export interface ConvertLimits {
  /** Largest file, in bytes (default 20 MB). */
  maxFileBytes?: number;
  /** Longest canonical text, in UTF-16 code units (default 2,000,000). */
  maxTextCharacters?: number;
  /** Largest total uncompressed size of a DOCX's ZIP entries, in bytes (default 100 MB). */
  maxUnzippedBytes?: number;
  /** Most entries in a DOCX's ZIP (default 10,000). */
  maxZipEntries?: number;
}

/** The limits with every field filled in. */
export type ResolvedConvertLimits = Required<ConvertLimits>;

/** The default limits. */
export const defaultConvertLimits: ResolvedConvertLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxTextCharacters: 2_000_000,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxZipEntries: 10_000,
};

/** `options` over the defaults (undefined fields keep their default). */
export function resolveLimits(options: ConvertLimits | undefined): ResolvedConvertLimits {
  const resolved = { ...defaultConvertLimits };
  for (const key of Object.keys(resolved) as Array<keyof ResolvedConvertLimits>) {
    const value = options?.[key];
    if (value !== undefined) resolved[key] = value;
  }
  return resolved;
}

/** A size in bytes as people read it ("20 MB", "512 KB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
