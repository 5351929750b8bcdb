/**
 * `marginalia project info` and `marginalia merge`, run as the real `bin/marginalia.js` on
 * the pinned Node against project files in a temporary folder: what they print, that C of a
 * merge equals the app's merge of B into A (A's identity kept, same-name codes joined), that
 * C is never overwritten without --force, and that damaged, missing or oversized inputs end
 * in one line on stderr and a non-zero exit with nothing written.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalSnapshotJson } from '#shared/model/canonical-snapshot.ts';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import { addNote, addReply } from '#shared/model/notes.ts';
import { createProject, getProjectMeta, setMember } from '#shared/model/project.ts';
import { PROJECT_FILE_MAX_BYTES, encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { createTag } from '#shared/model/tags.ts';
import { replica, type Replica } from '../../helpers/replicas.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const pinnedNode = join(repoRoot, 'node_modules/.bin/node');
const bin = join(repoRoot, 'bin/marginalia.js');
const dir = mkdtempSync(join(tmpdir(), 'marginalia-project-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function marginalia(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(pinnedNode, [bin, ...args], { cwd: repoRoot, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const QUOTE = { exact: 'text', prefix: '', suffix: '' };

function person(name: string, clientID: number, project: string, codes: readonly string[]): Replica {
  const someone = replica(name.toLowerCase(), clientID, { now: Date.UTC(2026, 2, 1, 9, 0, 0) });
  createProject(someone.doc, someone.actor, { name: project });
  setMember(someone.doc, someone.actor, { name, colour: '#336699' });
  const ids = codes.map((code) => createTag(someone.doc, someone.actor, { name: code }));
  const highlight = addHighlight(someone.doc, someone.actor, { documentId: 'd', documentHash: 'h', position: { start: clientID, end: clientID + 4 }, quote: QUOTE });
  for (const id of ids) applyTag(someone.doc, someone.actor, highlight, id);
  addReply(someone.doc, someone.actor, addNote(someone.doc, someone.actor, highlight, `${name}’s note`), 'a reply');
  return someone;
}

const leyla = person('Leyla', 21, 'Leyla’s reading', ['İran', 'Energy']);
const tomas = person('Tomas', 22, 'Tomas’s reading', ['iran', 'Transit']);
const fileA = join(dir, 'leyla.marginalia');
const fileB = join(dir, 'tomas.marginalia');
writeFileSync(fileA, encodeProjectFile(leyla.doc));
writeFileSync(fileB, encodeProjectFile(tomas.doc));

describe('marginalia project info', () => {
  it('prints name, id, members, counts and the last change', async () => {
    const result = await marginalia(['project', 'info', '--from', fileA]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe([
      'name: Leyla’s reading',
      `id: ${getProjectMeta(leyla.doc).id}`,
      'members: Leyla (1)',
      'highlights: 1',
      'codes: 2',
      'notes: 1',
      'replies: 1',
      'last change: 2026-03-01T09:00:00.000Z',
      '',
    ].join('\n'));
  });

  it('--json prints one JSON object', async () => {
    const result = await marginalia(['project', 'info', '--from', fileA, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: getProjectMeta(leyla.doc).id,
      name: 'Leyla’s reading',
      members: [{ name: 'Leyla' }],
      counts: { highlights: 1, codes: 2, notes: 1, replies: 1 },
      lastChange: '2026-03-01T09:00:00.000Z',
    });
  });

  it('a damaged file: one line on stderr, exit code 1', async () => {
    const damaged = join(dir, 'damaged.marginalia');
    const bytes = readFileSync(fileA);
    bytes[20] = (bytes[20] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    const result = await marginalia(['project', 'info', '--from', damaged]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `marginalia project: "${damaged}": the project file is damaged (checksum mismatch)\n` });
  });

  it('a missing --from is a usage error', async () => {
    const result = await marginalia(['project', 'info']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^marginalia project: --from FILE is required \(usage: marginalia project info --from FILE \[--json\]\)\n$/);
  });
});

describe('marginalia merge', () => {
  it('merges B into A as the app does: C keeps A’s identity, gets B’s work, joins same-name codes', async () => {
    const out = join(dir, 'merged.marginalia');
    const result = await marginalia(['merge', fileA, fileB, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`merged ${fileB} into ${fileA}: 1 new highlight, 2 new codes, 2 new notes and replies by Tomas; joined “iran” with “İran”; wrote ${out} (project “Leyla’s reading”)\n`);

    const merged = new Y.Doc();
    expect(mergeProjectFile(merged, readFileSync(out)).ok).toBe(true);
    expect(getProjectMeta(merged)).toMatchObject({ id: getProjectMeta(leyla.doc).id, name: 'Leyla’s reading' });
    const inApp = new Y.Doc();
    mergeProjectFile(inApp, encodeProjectFile(leyla.doc));
    mergeProjectFile(inApp, encodeProjectFile(tomas.doc), { actor: leyla.actor });
    expect(canonicalSnapshotJson(merged)).toBe(canonicalSnapshotJson(inApp));
    const index = buildTagIndex(merged);
    expect([...index.tags.keys()].filter((id) => index.isLive(id))).toHaveLength(3);
  });

  it('--keep-codes-apart leaves same-name codes as two codes', async () => {
    const out = join(dir, 'apart.marginalia');
    const result = await marginalia(['merge', fileA, fileB, '--out', out, '--keep-codes-apart']);
    expect(result.code).toBe(0);
    const merged = new Y.Doc();
    mergeProjectFile(merged, readFileSync(out));
    const index = buildTagIndex(merged);
    expect([...index.tags.keys()].filter((id) => index.isLive(id))).toHaveLength(4);
  });

  it('refuses to overwrite C unless --force', async () => {
    const out = join(dir, 'taken.marginalia');
    writeFileSync(out, 'keep me');
    const refused = await marginalia(['merge', fileA, fileB, '--out', out]);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `marginalia merge: "${out}" exists; add --force to overwrite it\n` });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await marginalia(['merge', fileA, fileB, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(mergeProjectFile(new Y.Doc(), readFileSync(out)).ok).toBe(true);
  });

  it('refuses damaged, missing and oversized inputs with one line and writes nothing', async () => {
    const truncated = join(dir, 'truncated.marginalia');
    writeFileSync(truncated, readFileSync(fileB).subarray(0, 30));
    const huge = join(dir, 'huge.marginalia');
    writeFileSync(huge, '');
    truncateSync(huge, PROJECT_FILE_MAX_BYTES + 1);
    const cases: [string[], RegExp][] = [
      [[fileA, truncated], /^marginalia merge: "[^"]+truncated\.marginalia" was not merged: the project file is truncated or has trailing data\n$/],
      [[fileA, join(dir, 'absent.marginalia')], /^marginalia merge: Not found: "[^"]+absent\.marginalia" does not exist\.\n$/],
      [[huge, fileB], /^marginalia merge: "[^"]+huge\.marginalia" is 128\.0 MB; files larger than 128\.0 MB cannot be opened\.\n$/],
    ];
    for (const [inputs, message] of cases) {
      const out = join(dir, 'never.marginalia');
      const result = await marginalia(['merge', ...inputs, '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(() => readFileSync(out)).toThrow(/ENOENT/);
    }
  });

  it('usage errors exit with code 2', async () => {
    const result = await marginalia(['merge', fileA, '--out', join(dir, 'x.marginalia')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^marginalia merge: two project files are needed, A and B \(got 1\) \(usage: marginalia merge A B --out C/);
  });
});
