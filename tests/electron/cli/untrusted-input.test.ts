/**
 * The command line over input it cannot trust: a project "file" that is a device or far too
 * large is refused from its size and type before a byte is read, a documents folder whose
 * manifest is a device likewise, and a project holding records no reader can use (one
 * member set to null by a teammate, a highlight without its anchor) still exports, saying
 * on stderr how many records were skipped and why — one line each, never a stack trace.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT, roots } from '#shared/model/layout.ts';
import { PROJECT_FILE_MAX_BYTES, encodeProjectFile } from '#shared/model/project-file.ts';
import { defaultDocumentsDir } from '../../../electron/services/documents-fs.ts';
import { createExportFixture, type ExportFixture } from './export-fixture.ts';

let fixture: ExportFixture;
let work: string;

beforeAll(async () => {
  fixture = await createExportFixture();
  work = mkdtempSync(join(tmpdir(), 'marginalia-untrusted-'));
});
afterAll(() => {
  rmSync(fixture.work, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

function expectOneLineFailure(result: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('marginalia export over untrusted files', () => {
  it('refuses --from /dev/zero as not a regular file, without reading it', async () => {
    const result = await fixture.run(['export', '--format', 'csv', '--from', '/dev/zero', '--out', join(work, 'zero.csv')]);
    expectOneLineFailure(result, /^marginalia export: cannot read project file \/dev\/zero: not a regular file\n$/);
  });

  it('refuses a project file larger than the app opens, from its size', async () => {
    const huge = join(work, 'huge.marginalia');
    writeFileSync(huge, '');
    truncateSync(huge, PROJECT_FILE_MAX_BYTES + 1);
    const result = await fixture.run(['export', '--format', 'csv', '--from', huge, '--out', join(work, 'huge.csv')]);
    expectOneLineFailure(result, /^marginalia export: cannot read project file .*huge\.marginalia: it is 128\.0 MB; project files larger than 128\.0 MB cannot be read\n$/);
  });

  it('exports a project with a null member and an anchorless highlight, and says what it skipped', async () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fixture.project.doc));
    const [firstHighlight] = [...roots(doc).highlights.values()];
    doc.transact(() => {
      roots(doc).members.set('intruder' as never, null as never);
      firstHighlight?.delete(HIGHLIGHT.anchor);
    });
    const file = join(work, 'damaged.marginalia');
    writeFileSync(file, encodeProjectFile(doc));
    const out = join(work, 'damaged.csv');
    const result = await fixture.run(['export', '--format', 'csv', '--from', file, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^wrote \d+ excerpts to /);
    expect(result.stderr).toBe(
      'marginalia export: 2 records skipped (member: not a member record; highlight: no readable anchor)\n',
    );
    expect(readFileSync(out, 'utf8')).toContain('highlight_id');
  });
});

describe('marginalia commands over an untrusted documents folder', () => {
  it('refuses a manifest that is a device, in one line', async () => {
    const documents = join(work, 'documents');
    cpSync(defaultDocumentsDir(), documents, { recursive: true });
    rmSync(join(documents, 'manifest.json'));
    symlinkSync('/dev/zero', join(documents, 'manifest.json'));
    const result = await fixture.run(['--documents', documents, 'documents']);
    expectOneLineFailure(result, /^marginalia documents: .*manifest\.json: cannot read the manifest \(not a regular file\)\n$/);
  });
});
