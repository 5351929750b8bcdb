/**
 * `marginalia import-qdpx`, run as the real `bin/marginalia.js` on the pinned Node: a
 * REFI-QDA export of the seeded project becomes a project file holding its highlights on
 * the bundled articles, the counts are printed and so is every skipped item; a source that
 * is no bundled article becomes an added document whose text the output file carries, and
 * `agreement` and `cooccurrence --from` that file count its codings; a file that cannot be imported ends in one line on
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
import { listDocuments } from '#shared/model/document-views.ts';
import { mergeProjectFile } from '#shared/model/project-file.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { buildSeededProject } from '../../helpers/seeded-project.ts';
import { buildOtherToolQdpx, ENERGY_PHRASE, RETURN_PHRASE } from '../../helpers/other-tool-qdpx.ts';

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
      `imported ${file} into ${out} (project “South Caucasus | coding *pilot*”): 8 highlights, 10 codings, 6 new codes (0 reused), 3 new members (0 reused), 3 notes, 2 replies, 1 memo, 6 sources placed (5 bundled articles); nothing skipped`,
    );
    expect(lines).toHaveLength(1);
    const doc = new Y.Doc();
    const merged = mergeProjectFile(doc, readFileSync(out));
    if (!merged.ok) throw new Error(merged.error);
    expect(getProjectMeta(doc).name).toBe('South Caucasus | coding *pilot*');
    const added = listDocuments(doc);
    expect(added.map((record) => record.title)).toEqual(['Hard text: İstanbul, ılık, Azərbaycan & "quotes"']);
    const text = merged.texts.get(added[0]!.id);
    expect(text).toContain('İstanbul');
    const onAdded = listAllHighlights(doc).filter((highlight) => highlight.documentId === added[0]!.id);
    expect(onAdded).toHaveLength(3);
    for (const highlight of onAdded) expect(text).toContain(highlight.quote.exact);
    // The note on a highlight of the added document stays a note there (it is no project memo).
    expect(listMemos(doc).map((memo) => memo.subject)).toEqual(['d:azerbaijan-strategic-pragmatism']);
  });

  it('counts the codings on an added document in agreement and cooccurrence --from the output file', async () => {
    const other = join(dir, 'other-tool.qdpx');
    writeFileSync(other, buildOtherToolQdpx());
    const out = join(dir, 'other-tool.marginalia');
    const imported = await marginalia(['import-qdpx', other, '--out', out]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout.trimEnd().split('\n')).toEqual([
      expect.stringContaining('3 highlights, 4 codings, 3 new codes (0 reused), 2 new members (0 reused), 1 note, 0 replies, 0 memos, 1 source placed (0 bundled articles); 1 item skipped:'),
      expect.stringMatching(/^ {2}source “Map of the district” [0-9A-Fa-f-]{36}: a picture source: Marginalia imports text sources only$/),
    ]);
    // Leyla: Return on the first phrase, Economy on the second; Tomas: Economy on the first and on part of the second.
    const table = await marginalia(['cooccurrence', '--from', out]);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    expect(table.stdout.split('\r\n')).toContain('Economy,Return,3,1,1,0.3333,AAAAABERQiKDMwAAAAAADA,AAAAABERQiKDMwAAAAAACw');
    const agreement = await marginalia(['agreement', '--from', out, '--coders', 'Leyla,Tomas', '--format', 'csv']);
    expect(agreement).toMatchObject({ code: 0, stderr: '' });
    const economy = agreement.stdout.split('\r\n').find((line) => line.includes(',Economy,'))?.split(',');
    expect(economy?.slice(5, 8)).toEqual([`${ENERGY_PHRASE.length}`, `${RETURN_PHRASE.length + 'Energy prices decided'.length}`, `${'Energy prices decided'.length}`]);
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
