import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { countCodePoints } from '#shared/export/units.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import type { CliIo } from '../../../electron/cli/command.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { startSyncServer, type SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { buildCodedProject, type CodedProject } from '../../helpers/coded-project.ts';
import { connectClient, whenSynced } from '../server/sync-test-kit.ts';

let work: string;
let projectFile: string;
let project: CodedProject;
let first: Article;
let second: Article;

async function run(argv: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), documentsDir: defaultDocumentsDir() };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) => (result.ok ? [result.article] : []));
  [first, second] = articles as [Article, Article];
  work = mkdtempSync(join(tmpdir(), 'marginalia-agreement-'));
  // Ana and Babak code Security on known spans of the first article; Cem codes a little elsewhere.
  project = buildCodedProject(articles, ['Ana', 'Babak', 'Cem'], ['Security', 'Energy'], [
    { by: 'Ana', document: first.meta.id, start: 0, end: 100, code: 'Security' },
    { by: 'Babak', document: first.meta.id, start: 50, end: 150, code: 'Security' },
    { by: 'Ana', document: first.meta.id, start: 200, end: 210, code: 'Security' },
    { by: 'Babak', document: first.meta.id, start: 500, end: 520, code: 'Security' },
    { by: 'Cem', document: second.meta.id, start: 10, end: 40, code: 'Energy' },
  ]);
  projectFile = join(work, 'pilot.marginalia');
  writeFileSync(projectFile, encodeProjectFile(project.doc));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('marginalia agreement', () => {
  it('writes the JSON report for two coders named on the command line, over one document', async () => {
    const out = join(work, 'agreement.json');
    const result = await run(['agreement', '--from', projectFile, '--coders', 'ana,Babak', '--document', first.meta.id, '--format', 'json', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(out);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const n = countCodePoints(first.text);
    expect(Object.keys(report)).toEqual(['unit', 'coders', 'documents', 'codes', 'overall']);
    expect(report.unit).toBe('codepoint');
    expect(report.coders.map((coder: { name: string }) => coder.name)).toEqual(['Ana', 'Babak']);
    expect(report.documents).toEqual([{ id: first.meta.id, title: first.meta.title, codePoints: n }]);
    expect(report.codes).toHaveLength(1);
    const [security] = report.codes;
    expect(Object.keys(security)).toEqual(['id', 'name', 'n', 'a', 'b', 'both', 'neither', 'agreement', 'kappa', 'jaccard', 'alpha']);
    expect(security).toMatchObject({ id: project.codes.get('Security'), name: 'Security', n, a: 110, b: 120, both: 50, neither: n - 180 });
    expect(security.agreement).toBeCloseTo((n - 130) / n, 12);
    const pa = 110 / n;
    const pb = 120 / n;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    expect(security.kappa).toBeCloseTo(((n - 130) / n - pe) / (1 - pe), 12);
    expect(security.jaccard).toBeCloseTo(50 / 180, 12);
    expect(security.alpha).toBeGreaterThan(0);
    expect(security.alpha).toBeLessThan(1);
  });

  it('compares the two people who coded most when no coders are named, and prints to stdout without --out', async () => {
    const result = await run(['agreement', '--from', projectFile, '--format', 'json', '--tag', 'security', '--tag', 'Security']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.coders.map((coder: { name: string }) => coder.name)).toEqual(['Ana', 'Babak']);
    expect(report.codes.map((code: { name: string }) => code.name)).toEqual(['Security']);
  });

  it('reports every pair and alpha over all with three coders', async () => {
    const result = await run(['agreement', '--from', projectFile, '--format', 'json', '--coders', 'Ana,Babak,Cem']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.pairs).toHaveLength(3);
    expect(report.codes.map((code: { name: string }) => code.name)).toEqual(['Energy', 'Security']);
    expect(report.codes[0]).toMatchObject({ a: null, kappa: null, alpha: expect.any(Number) });
  });

  it('writes CSV', async () => {
    const result = await run(['agreement', '--from', projectFile, '--format', 'csv', '--coders', `${project.members.get('Ana')},Babak`, '--tag', project.codes.get('Security') as string]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('coder_a,coder_b,code_id,code,n,a,b,both,neither,agreement,kappa,jaccard,alpha');
    expect(lines[1]).toMatch(/^Ana,Babak,[\w-]{22},Security,\d+,110,120,50,/);
    expect(lines[2]).toMatch(/^Ana,Babak,,All codes,/);
  });

  it.each([
    [['--coders', 'Ana,Nobody'], 'marginalia agreement: no coder named "Nobody" in the project\n'],
    [['--tag', 'Nothing'], 'marginalia agreement: no tag named "Nothing" in the project\n'],
    [['--document', 'no-such-article'], 'marginalia agreement: no document with id "no-such-article" (see marginalia documents)\n'],
    [['--coders', 'Ana,ana'], 'marginalia agreement: --coders names the same person twice\n'],
  ])('refuses unknown names with one line: %j', async (extra, line) => {
    const result = await run(['agreement', '--from', projectFile, '--format', 'json', ...extra]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(line);
    expect(result.stdout).toBe('');
  });

  it('refuses a bad command line with its usage', async () => {
    const result = await run(['agreement', '--from', projectFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^marginalia agreement: --format is required \(usage: marginalia agreement /);
  });
});

describe('marginalia agreement --server', () => {
  let server: SyncServerHandle;
  let token: string;
  let projectId: ProjectId;
  let data: string;

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'marginalia-agreement-server-'));
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

  it('computes the same agreement from the project the server holds as from its file', async () => {
    const fromServer = await run(['agreement', '--format', 'csv', '--server', server.url, '--project', projectId, '--token', token]);
    const fromFile = await run(['agreement', '--format', 'csv', '--from', projectFile]);
    expect(fromServer.stderr).toBe('');
    expect(fromServer.code).toBe(0);
    expect(fromServer.stdout).toBe(fromFile.stdout);
    expect(fromServer.stdout.split('\r\n')).toHaveLength(4);
  });
});
