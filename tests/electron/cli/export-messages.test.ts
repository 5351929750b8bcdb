/**
 * The command line's wording of export failures: one line per problem code, naming the
 * file, server, tag, member or document concerned; file failures worded for reading and
 * for writing.
 */
import { describe, expect, it } from 'vitest';
import type { ExportErrorCode, ExportProblem, FileFailure } from '#shared/export/export-error.ts';
import { exportProblemLine } from '../../../electron/cli/commands/export-messages.ts';

/** One problem of every code and its line (the Record type makes a new code fail to compile here until it is worded). */
const EXPECTED: Record<ExportErrorCode, [ExportProblem, string]> = {
  'empty-codebook': [{ code: 'empty-codebook' }, 'the codebook is empty: a .qdc file needs at least one code'],
  'missing-document-text': [{ code: 'missing-document-text', documentId: 'doc-x' }, 'the text of document "doc-x" is needed for a .qdpx export'],
  'unknown-tag': [{ code: 'unknown-tag', name: 'Nope' }, 'no tag named "Nope" in the project'],
  'ambiguous-tag': [{ code: 'ambiguous-tag', name: 'Military', examplePath: 'Security / Military' }, 'several tags are named "Military"; give the path, e.g. "Security / Military"'],
  'unknown-member': [{ code: 'unknown-member', name: 'Zed' }, 'no member named "Zed" in the project'],
  'ambiguous-member': [{ code: 'ambiguous-member', name: 'Ana' }, 'several members are named "Ana"'],
  'unknown-document': [{ code: 'unknown-document', documentId: 'doc-y' }, 'no document with id "doc-y" (see marginalia documents)'],
  'project-unreadable': [{ code: 'project-unreadable', path: '/p.marginalia', reason: 'missing', detail: 'ENOENT' }, 'cannot read project file /p.marginalia: no such file'],
  'project-damaged': [{ code: 'project-damaged', path: '/p.marginalia', detail: 'checksum mismatch' }, 'cannot open project file /p.marginalia: checksum mismatch'],
  'not-a-project-id': [{ code: 'not-a-project-id', projectId: 'p!' }, '"p!" is not a project id'],
  'not-a-server-url': [{ code: 'not-a-server-url', url: 'http://host' }, 'the server URL must start with ws:// or wss:// (got "http://host")'],
  'token-refused': [{ code: 'token-refused', projectId: 'P1', reason: 'revoked' }, 'the server refused the token for project P1 (revoked)'],
  'server-unreachable': [{ code: 'server-unreachable', url: 'ws://127.0.0.1:9' }, 'cannot reach the sync server at ws://127.0.0.1:9'],
  'sync-timeout': [{ code: 'sync-timeout', url: 'ws://host', seconds: 2.5 }, 'no sync from ws://host within 2.5 s'],
  'server-empty': [{ code: 'server-empty', projectId: 'P2' }, 'the server holds no data for project P2 yet'],
  'write-failed': [{ code: 'write-failed', path: '/out.csv', reason: 'disk-full', detail: 'ENOSPC' }, 'cannot write /out.csv: the disk is full'],
};

describe('exportProblemLine', () => {
  it.each(Object.entries(EXPECTED))('words %s as one line naming what it is about', (code, [problem, line]) => {
    expect(problem.code).toBe(code);
    expect(exportProblemLine(problem)).toBe(line);
  });

  it('words file failures for reading and for writing, and falls back to the system text', () => {
    const read = (reason: FileFailure) => exportProblemLine({ code: 'project-unreadable', path: '/p', reason, detail: 'EIO: i/o error' });
    const write = (reason: FileFailure) => exportProblemLine({ code: 'write-failed', path: '/o', reason, detail: 'EIO: i/o error' });
    expect([read('missing'), read('permission-denied'), read('is-folder'), read('not-a-file'), read('other')]).toEqual([
      'cannot read project file /p: no such file',
      'cannot read project file /p: permission denied',
      'cannot read project file /p: it is a folder',
      'cannot read project file /p: not a regular file',
      'cannot read project file /p: EIO: i/o error',
    ]);
    expect([write('missing'), write('permission-denied'), write('is-folder'), write('disk-full'), write('read-only'), write('other')]).toEqual([
      'cannot write /o: the folder does not exist',
      'cannot write /o: permission denied',
      'cannot write /o: it is a folder',
      'cannot write /o: the disk is full',
      'cannot write /o: the file system is read-only',
      'cannot write /o: EIO: i/o error',
    ]);
  });
});
