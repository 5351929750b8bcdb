/**
 * `marginalia export` end to end: against a real project file (written with the model's
 * encodeProjectFile) and against a real sync server (startSyncServer on 127.0.0.1:0),
 * every format, filters, and a one-line failure for each way it can go wrong.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { defaultDocumentsDir } from '../../../electron/services/documents-fs.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { createProject, getProjectMeta } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { connectClient, whenSynced } from '../server/sync-test-kit.ts';
import type { SeededProject } from '../../helpers/seeded-project.ts';
import { createExportFixture, type ExportFixture } from './export-fixture.ts';

const GOLDEN = resolve(import.meta.dirname, '../../baselines/export');
let fixture: ExportFixture;
let work: string;
let projectFile: string;
let project: SeededProject;

const run = (argv: string[]) => fixture.run(argv);

beforeAll(async () => {
  fixture = await createExportFixture();
  ({ work, projectFile, project } = fixture);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('marginalia export --from FILE', () => {
  it('writes the same CSV as the golden export, and says what it wrote', async () => {
    const out = join(work, 'all.csv');
    const result = await run(['export', '--format', 'csv', '--from', projectFile, '--out', out]);
    expect(result).toEqual({ code: 0, stdout: `wrote 9 excerpts to ${out}; 1 unanchored (exported with their stored quote)\n`, stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(GOLDEN, 'excerpts.csv'), 'utf8'));
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes every format', async () => {
    const outputs: Record<string, string> = {};
    for (const format of ['md', 'jsonld', 'qdpx', 'qdc']) {
      outputs[format] = join(work, `all.${format}`);
      const result = await run(['export', '--format', format, '--from', projectFile, '--out', outputs[format] as string, '--group', 'document']);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(readFileSync(outputs.md as string, 'utf8')).toContain('## Hard text: İstanbul, ılık, Azərbaycan & "quotes"');
    expect((JSON.parse(readFileSync(outputs.jsonld as string, 'utf8')) as { total: number }).total).toBe(9);
    const zip = unzipSync(readFileSync(outputs.qdpx as string));
    expect(Object.keys(zip)).toHaveLength(7);
    expect(strFromU8(zip['project.qde'] as Uint8Array)).toContain('<Project xmlns="urn:QDA-XML:project:1.0"');
    expect(readFileSync(outputs.qdc as string, 'utf8')).toBe(readFileSync(join(GOLDEN, 'codebook.qdc'), 'utf8'));
  });

  it('filters by tag (with children), all tags, member, document, dates and notes; one row per tag with a BOM', async () => {
    const rows = async (...flags: string[]) => {
      const out = join(work, 'filtered.csv');
      const result = await run(['export', '--format', 'csv', '--from', projectFile, '--out', out, ...flags]);
      expect(result.code, result.stderr).toBe(0);
      return parse(readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    };
    expect(await rows('--tag', 'security')).toHaveLength(4);
    expect(await rows('--tag', 'Security / Military')).toHaveLength(2);
    expect((await rows('--tag', 'Security', '--tag', 'Economy', '--all-tags')).map((row) => row.quote)).toEqual(['economic and military ties with Russia']);
    expect((await rows('--member', 'ana əliyeva', '--with-note')).map((row) => (row.quote ?? "").slice(0, 20))).toEqual(['the Russia-Ukraine w', 'energy security', 'Then 🧭 pointed nort']);
    expect(await rows('--document', 'hard-text-sample')).toHaveLength(3);
    expect(await rows('--to-date', '2026-02-28')).toHaveLength(0);
    expect(await rows('--from-date', '2026-03-01', '--to-date', '2026-03-01')).toHaveLength(9);
    const perTag = await rows('--rows', 'tag', '--bom', '--sort', 'tag');
    expect(perTag).toHaveLength(12);
    expect(perTag[0]?.tag).toBe("'=Formula?");
  });

  it.each([
    [['--format', 'xml', '--from', 'p', '--out', 'o'], 2, /--format must be one of csv, md, jsonld, qdpx, qdc \(got "xml"\)/],
    [['--format', 'csv', '--out', 'o', '--bogus'], 2, /unknown option "--bogus"/],
    [['--format', 'csv', '--out', 'o'], 2, /say where the project is/],
    [['--format', 'csv', '--from', 'p', '--server', 'ws://x', '--out', 'o'], 2, /either --from or --server/],
    [['--format', 'csv', '--from', 'p', '--out', 'o', '--from-date', 'March'], 2, /"March" is not a date/],
    [['--format', 'csv', '--from', '/nonexistent/p.marginalia', '--out', 'o'], 1, /cannot read project file \/nonexistent\/p.marginalia: no such file/],
  ])('fails %j with exit %i and one line', async (flags, code, message) => {
    const result = await run(['export', ...flags]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('fails with one line on a damaged project file, an unknown tag, member or document, and an unwritable output', async () => {
    const damaged = join(work, 'damaged.marginalia');
    const bytes = encodeProjectFile(project.doc);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    const cases: [string[], RegExp][] = [
      [['--from', damaged, '--out', join(work, 'x.csv')], /cannot open project file .*damaged \(checksum mismatch\)/],
      [['--from', projectFile, '--out', join(work, 'x.csv'), '--tag', 'Nope'], /no tag named "Nope"/],
      [['--from', projectFile, '--out', join(work, 'x.csv'), '--member', 'Zed'], /no member named "Zed"/],
      [['--from', projectFile, '--out', join(work, 'x.csv'), '--document', 'nope'], /no document with id "nope"/],
      [['--from', projectFile, '--out', join(work, 'missing-folder', 'x.csv')], /cannot write .*x\.csv: the folder does not exist/],
      [['--from', projectFile, '--out', work], /cannot write .*: it is a folder|permission denied/],
    ];
    for (const [flags, message] of cases) {
      const result = await run(['export', '--format', 'csv', ...flags]);
      expect(result.code, flags.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(work, 'x.csv'))).toBe(false);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('marginalia export: formats that cannot hold the project', () => {
  it('refuses a codebook export of a project without tags, and a .qdpx whose article text is not loaded, in one line each', async () => {
    const bare = new Y.Doc();
    createProject(bare, { member: project.members.ana }, { name: 'No tags yet' });
    const bareFile = join(work, 'bare.marginalia');
    writeFileSync(bareFile, encodeProjectFile(bare));
    const out = join(work, 'refused.qdc');
    const noCodes = await run(['export', '--format', 'qdc', '--from', bareFile, '--out', out]);
    expect(noCodes).toEqual({ code: 1, stdout: '', stderr: 'marginalia export: the codebook is empty: a .qdc file needs at least one code\n' });
    const withoutHardText = await run(['--documents', defaultDocumentsDir(), 'export', '--format', 'qdpx', '--from', projectFile, '--out', join(work, 'refused.qdpx')]);
    expect(withoutHardText).toEqual({ code: 1, stdout: '', stderr: 'marginalia export: the text of document "hard-text-sample" is needed for a .qdpx export\n' });
    expect(readdirSync(work).filter((name) => name.startsWith('refused'))).toEqual([]);
  });
});

describe('marginalia export --server', () => {
  let server: SyncServerHandle;
  let token: string;
  let projectId: ProjectId;
  const data = mkdtempSync(join(tmpdir(), 'marginalia-export-server-'));

  beforeAll(async () => {
    server = await startSyncServer({ dataDir: data, port: 0, log: () => {}, storeDebounceMs: 50 });
    projectId = getProjectMeta(project.doc).id as ProjectId;
    token = server.tokens.createToken({ projectId }).token;
    const uploader = connectClient({ url: server.url, projectId, token, doc: new Y.Doc() });
    Y.applyUpdate(uploader.doc, Y.encodeStateAsUpdate(project.doc));
    await whenSynced(uploader);
    uploader.destroy();
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  it('exports the project held by the server, identical to the file export', async () => {
    const out = join(work, 'server.csv');
    const result = await run(['export', '--format', 'csv', '--server', server.url, '--project', projectId, '--token', token, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(GOLDEN, 'excerpts.csv'), 'utf8'));
  });

  it('fails with one line on a refused token and on an unreachable server', async () => {
    const out = join(work, 'refused.csv');
    const refused = await run(['export', '--format', 'csv', '--server', server.url, '--project', projectId, '--token', `${token.slice(0, -4)}AAAA`, '--out', out, '--timeout', '5']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^marginalia export: the server refused the token for project .+\n$/);
    const unreachable = await run(['export', '--format', 'csv', '--server', 'ws://127.0.0.1:9', '--project', projectId, '--token', token, '--out', out, '--timeout', '5']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe('marginalia export: cannot reach the sync server at ws://127.0.0.1:9\n');
    const empty = server.tokens.createProject('empty');
    const emptyToken = server.tokens.createToken({ projectId: empty.id }).token;
    const nothing = await run(['export', '--format', 'csv', '--server', server.url, '--project', empty.id, '--token', emptyToken, '--out', out]);
    expect(nothing.stderr).toBe(`marginalia export: the server holds no data for project ${empty.id} yet\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('still exports after a member sets a teammate\'s record to null, and says it skipped it', async () => {
    const vandal = connectClient({ url: server.url, projectId, token, doc: new Y.Doc() });
    await whenSynced(vandal);
    const [memberId] = [...vandal.doc.getMap('m').keys()];
    vandal.doc.getMap('m').set(memberId as string, null);
    await whenSynced(vandal);
    vandal.destroy();
    const out = join(work, 'vandalised.csv');
    const result = await run(['export', '--format', 'csv', '--server', server.url, '--project', projectId, '--token', token, '--out', out]);
    expect(result.stderr).toBe('marginalia export: 1 record skipped (member: not a member record)\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote 9 excerpts to /);
  });
});
