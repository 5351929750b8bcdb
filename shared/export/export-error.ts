/**
 * Why an export failed, as data. Every failure of the export pipeline — rendering a format,
 * resolving the names given as filters, reading the project, writing the file — is an
 * {@link ExportError} carrying an {@link ExportProblem}: a `code` and the facts needed to
 * explain it. Callers branch on the code, never on message text; each boundary words the
 * problem for its audience (the command line's one-line reason, the Export dialog's
 * sentence), so changing a sentence can never change behaviour.
 */

/** How a file operation failed, independent of the platform's error codes. */
export type FileFailure = 'missing' | 'permission-denied' | 'is-folder' | 'not-a-file' | 'too-large' | 'disk-full' | 'read-only' | 'other';

/** Problems of rendering a format. */
export type RenderProblem =
  /** A `.qdc` codebook needs at least one code. */
  | { readonly code: 'empty-codebook' }
  /** A `.qdpx` project must carry the text of every document it codes. */
  | { readonly code: 'missing-document-text'; readonly documentId: string };

/** Problems of filters given by name (tags, members, document ids). */
export type FilterNameProblem =
  | { readonly code: 'unknown-tag'; readonly name: string }
  /** Several tags have this name; `examplePath` is one of their full paths. */
  | { readonly code: 'ambiguous-tag'; readonly name: string; readonly examplePath: string }
  | { readonly code: 'unknown-member'; readonly name: string }
  | { readonly code: 'ambiguous-member'; readonly name: string }
  | { readonly code: 'unknown-document'; readonly documentId: string };

/** Problems of reading the project to export. */
export type SourceProblem =
  | { readonly code: 'project-unreadable'; readonly path: string; readonly reason: FileFailure; readonly detail: string }
  | { readonly code: 'project-damaged'; readonly path: string; readonly detail: string }
  | { readonly code: 'not-a-project-id'; readonly projectId: string }
  | { readonly code: 'not-a-server-url'; readonly url: string }
  | { readonly code: 'token-refused'; readonly projectId: string; readonly reason: string }
  | { readonly code: 'server-unreachable'; readonly url: string }
  | { readonly code: 'sync-timeout'; readonly url: string; readonly seconds: number }
  | { readonly code: 'server-empty'; readonly projectId: string };

/** Problems of writing the export file. */
export type WriteProblem = { readonly code: 'write-failed'; readonly path: string; readonly reason: FileFailure; readonly detail: string };

/** Every way an export can fail. */
export type ExportProblem = RenderProblem | FilterNameProblem | SourceProblem | WriteProblem;

/** The codes of {@link ExportProblem}. */
export type ExportErrorCode = ExportProblem['code'];

/** A failed export; `problem` says why (switch on `problem.code`). */
export class ExportError extends Error {
  override readonly name = 'ExportError';
  readonly problem: ExportProblem;

  constructor(problem: ExportProblem) {
    super(`export failed: ${JSON.stringify(problem)}`);
    this.problem = problem;
  }

  /** The problem's code. */
  get code(): ExportErrorCode {
    return this.problem.code;
  }
}
