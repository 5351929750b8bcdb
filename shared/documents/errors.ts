/**
 * The one error type of the documents layer.
 *
 * Bundled documents are human-edited files, so every failure to read one has to say
 * *where* it failed (file and line) in words a person can act on. Callers at the
 * boundary (the document service, the command line) turn it into a value or a message;
 * inside the layer it is simply thrown.
 */

/** Where a {@link DocumentError} happened; every field is optional. */
export interface DocumentErrorLocation {
  /** The manifest id of the document concerned, when known. */
  documentId?: string;
  /** The file being read (manifest or article), as the caller named it. */
  fileName?: string;
  /** 1-based line number in that file. */
  line?: number;
}

/**
 * A malformed manifest or article, or a document that does not match its manifest.
 * `message` is complete and human readable: it starts with `file:line:` when those are known.
 */
export class DocumentError extends Error {
  /** The manifest id of the document concerned, when known. */
  readonly documentId?: string;
  /** The file being read, when known. */
  readonly fileName?: string;
  /** 1-based line number in {@link DocumentError.fileName}, when known. */
  readonly line?: number;
  /** The reason without the location prefix. */
  readonly reason: string;

  /** Builds the message `file:line: reason` (each prefix part only when known). */
  constructor(reason: string, location: DocumentErrorLocation = {}) {
    const where = location.fileName === undefined
      ? ''
      : location.line === undefined ? `${location.fileName}: ` : `${location.fileName}:${location.line}: `;
    super(where + reason);
    this.name = 'DocumentError';
    this.reason = reason;
    if (location.documentId !== undefined) this.documentId = location.documentId;
    if (location.fileName !== undefined) this.fileName = location.fileName;
    if (location.line !== undefined) this.line = location.line;
  }
}
