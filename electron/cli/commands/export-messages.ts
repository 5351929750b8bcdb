/**
 * The words `marginalia export` prints for each way an export can fail: one line, lower
 * case, naming the file, server, tag or member concerned. The pipeline reports problems as
 * codes (`ExportError`, #shared/export/export-error.ts); this is the only place the
 * command line turns them into text, and the switch is exhaustive, so a new code cannot
 * reach a person unworded.
 */
import type { ExportProblem, FileFailure } from '#shared/export/export-error.ts';

function readFailure(reason: FileFailure, detail: string): string {
  switch (reason) {
    case 'missing': return 'no such file';
    case 'permission-denied': return 'permission denied';
    case 'is-folder': return 'it is a folder';
    case 'not-a-file': return 'not a regular file';
    default: return detail;
  }
}

function writeFailure(reason: FileFailure, detail: string): string {
  switch (reason) {
    case 'missing': return 'the folder does not exist';
    case 'permission-denied': return 'permission denied';
    case 'is-folder': return 'it is a folder';
    case 'disk-full': return 'the disk is full';
    case 'read-only': return 'the file system is read-only';
    case 'not-a-file': return 'it is not a regular file';
    case 'too-large':
    case 'other': return detail;
  }
}

/** One line (no trailing newline) saying why the export failed. */
export function exportProblemLine(problem: ExportProblem): string {
  switch (problem.code) {
    case 'empty-codebook': return 'the codebook is empty: a .qdc file needs at least one code';
    case 'missing-document-text': return `the text of document "${problem.documentId}" is needed for a .qdpx export`;
    case 'unknown-tag': return `no tag named "${problem.name}" in the project`;
    case 'ambiguous-tag': return `several tags are named "${problem.name}"; give the path, e.g. "${problem.examplePath}"`;
    case 'unknown-member': return `no member named "${problem.name}" in the project`;
    case 'ambiguous-member': return `several members are named "${problem.name}"`;
    case 'unknown-document': return `no document with id "${problem.documentId}" (see marginalia documents)`;
    case 'project-unreadable': return `cannot read project file ${problem.path}: ${readFailure(problem.reason, problem.detail)}`;
    case 'project-damaged': return `cannot open project file ${problem.path}: ${problem.detail}`;
    case 'not-a-project-id': return `"${problem.projectId}" is not a project id`;
    case 'not-a-server-url': return `the server URL must start with ws:// or wss:// (got "${problem.url}")`;
    case 'token-refused': return `the server refused the token for project ${problem.projectId} (${problem.reason})`;
    case 'server-unreachable': return `cannot reach the sync server at ${problem.url}`;
    case 'sync-timeout': return `no sync from ${problem.url} within ${problem.seconds} s`;
    case 'server-empty': return `the server holds no data for project ${problem.projectId} yet`;
    case 'write-failed': return `cannot write ${problem.path}: ${writeFailure(problem.reason, problem.detail)}`;
  }
}
