/**
 * `marginalia import-qdpx`, run as the real `bin/marginalia.js` on the pinned Node: a
 * REFI-QDA export of the seeded project becomes a project file holding its highlights on
 * the bundled articles, the counts are printed and so is every skipped item (the test
 * article is no bundled article, and the note on its highlight becomes a project memo
 * rather than being lost); a file that cannot be imported ends in one line on
 * stderr and exit code 1 with nothing written, and OUT is not overwritten without --force.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { excerptsToQdpx } from '#shared/export/refi-qda.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { listMemos } from '#shared/model/memo-views.ts';
import { mergeProjectFile } from '#shared/model/project-file.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { buildSeededProject } from '../../helpers/seeded-project.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const pinnedNode = join(repoRoot, 'node_modules/.bin/node');
const bin = join(repoRoot, 'bin/marginalia.js');
const dir = mkdtempSync(join(tmpdir(), 'marginalia-import-qdpx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function marginalia(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(pinnedNode, [bin, ...args], { cwd: repoRoot, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('marginalia import-qdpx', async () => {
  const project = await buildSeededProject();
  const context = buildExportContext(project.doc, project.articles, project.exportedAt);
  const file = join(dir, 'seeded.qdpx');
  writeFileSync(file, excerptsToQdpx(queryExcerpts(project.doc, project.articles), context).data);

  it('writes a project file with the highlights on the bundled articles and prints counts and every skipped item', async () => {
    const out = join(dir, 'imported.marginalia');
    const result = await marginalia(['import-qdpx', file, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `imported ${file} into ${out} (project “South Caucasus | coding *pilot*”): 5 highlights, 7 codings, 6 new codes (0 reused), 3 new members (0 reused), 2 notes, 2 replies, 2 memos, 5 sources placed (5 bundled articles); 4 items skipped:`,
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}source “Hard text: İstanbul, ılık, Azərbaycan & "quotes"” [0-9a-f-]{36}: its text is none of the bundled articles, and this import cannot add documents$/),
      ...Array.from({ length: 3 }, () => expect.stringMatching(/^ {2}selection “.+” [0-9a-f-]{36}: its source “Hard text: .+” is not imported$/)),
    ]);
    const doc = new Y.Doc();
    expect(mergeProjectFile(doc, readFileSync(out)).ok).toBe(true);
    expect(getProjectMeta(doc).name).toBe('South Caucasus | coding *pilot*');
    expect(listAllHighlights(doc)).toHaveLength(5);
    expect(listMemos(doc).map((memo) => memo.subject).sort()).toEqual(['d:azerbaijan-strategic-pragmatism', 'project']);
  });

  it('refuses a file that is no REFI-QDA project in one line, exit code 1, nothing written', async () => {
    const bad = join(dir, 'bad.qdpx');
    writeFileSync(bad, '<Project name="x"/>');
    const out = join(dir, 'never.marginalia');
    const result = await marginalia(['import-qdpx', bad, '--out', out]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `marginalia import-qdpx: "${bad}" was not imported: not a REFI-QDA project: the file is not a zip archive\n` });
    expect(existsSync(out)).toBe(false);
  });

  it('does not overwrite OUT without --force, and needs --out', async () => {
    const out = join(dir, 'exists.marginalia');
    writeFileSync(out, 'keep me');
    expect(await marginalia(['import-qdpx', file, '--out', out])).toMatchObject({ code: 1, stderr: `marginalia import-qdpx: "${out}" exists; add --force to overwrite it\n` });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(await marginalia(['import-qdpx', file])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^marginalia import-qdpx: --out FILE is required \(usage: /) });
    expect((await marginalia(['import-qdpx', file, '--out', out, '--force'])).code).toBe(0);
  });
});
