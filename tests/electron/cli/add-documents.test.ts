/**
 * `marginalia add`, `documents --from` and `text --from` in-process against project files in
 * a temporary folder: adding creates the project file and carries the texts, adding again
 * says what was already there or restored, a file that cannot be added is reported and the
 * others still go in, nothing is written when nothing was added, the added documents are
 * listed and their canonical texts printed, `export --from` exports their highlights and
 * `merge` writes both files' texts.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listDocuments } from '#shared/model/document-views.ts';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { trashDocument } from '#shared/model/documents.ts';
import { addHighlight, applyTag, compactDocumentHash } from '#shared/model/highlights.ts';
import { createTag } from '#shared/model/tags.ts';
import { loadArticle } from '#shared/documents/article.ts';
import { getProjectMeta, listMembers } from '#shared/model/project.ts';
import { encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
import type { MemberId } from '#shared/model/ids.ts';
import type { CliIo } from '../../../electron/cli/command.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { bundledArticles, documentsDir } from '../../helpers/bundled-documents.ts';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-add-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, documentsDir };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const interview = write('interview.txt', 'Interview with a diplomat\n\nWe spoke about the corridor through Zangezur.\r\nBaku hopes for trade with Europe.\n');
const notes = write('field-notes.txt', 'Field notes, Lachin\nThe border crossing was quiet.\n');
const scan = write('scan.pdf', '%PDF-1.4 not really a pdf');

function open(path: string) {
  const doc = new Y.Doc();
  const merged = mergeProjectFile(doc, new Uint8Array(readFileSync(path)));
  if (!merged.ok) throw new Error(merged.error);
  return { doc, texts: merged.texts };
}

function columns(stdout: string): string[][] {
  return stdout.trimEnd().split('\n').map((line) => line.split('\t'));
}

describe('marginalia add', () => {
  it('creates the project file with the documents and their texts, and says what each was', async () => {
    const project = join(dir, 'fieldwork.marginalia');
    const result = await run(['add', interview, notes, '--to', project, '--as', 'Leyla']);
    expect(result.code).toBe(0);
    const lines = columns(result.stdout);
    expect(lines.map((line) => [line[1], line[3]])).toEqual([['Interview with a diplomat', 'new'], ['Field notes, Lachin', 'new']]);
    const { doc, texts } = open(project);
    expect(getProjectMeta(doc).name).toBe('fieldwork');
    expect(listMembers(doc).map((member) => member.name)).toEqual(['Leyla']);
    const records = listDocuments(doc);
    expect(records.map((record) => [record.id, record.title, record.hash, record.format, record.fileName])).toEqual(
      lines.map((line) => [line[0], line[1], line[2], 'txt', line[0] === records[0]?.id ? 'interview.txt' : 'field-notes.txt']),
    );
    expect(records.every((record) => record.addedBy === listMembers(doc)[0]?.id)).toBe(true);
    expect([...texts.keys()].sort()).toEqual(records.map((record) => record.id).sort());

    const text = await run(['text', records[0]!.id, '--from', project]);
    expect(text).toEqual({ code: 0, stdout: 'Interview with a diplomat\nWe spoke about the corridor through Zangezur.\nBaku hopes for trade with Europe.\n', stderr: '' });
  });

  it('adding again: already there, restored from the trash, a refused file reported while the others go in', async () => {
    const project = join(dir, 'again.marginalia');
    expect((await run(['add', interview, '--to', project])).code).toBe(0);
    const { doc, texts } = open(project);
    const [record] = listDocuments(doc);
    const member = listMembers(doc)[0]!.id as MemberId;
    expect(listMembers(doc)[0]!.name).toBe('Command line');
    trashDocument(doc, { member }, record!.id);
    writeFileSync(project, encodeProjectFile(doc, texts));

    const listed = await run(['documents', '--from', project]);
    expect(listed.code).toBe(0);
    expect(columns(listed.stdout).slice(-1)).toEqual([[record!.id, 'Interview with a diplomat', record!.hash, 'txt', 'in trash']]);
    expect(columns(listed.stdout).slice(0, -1).map((line) => line[0])).toEqual(bundledArticles().map((article) => article.meta.id));

    const missing = join(dir, 'missing.txt');
    const result = await run(['add', scan, interview, missing, notes, '--to', project]);
    expect(result.code).toBe(1);
    expect(columns(result.stdout).map((line) => line[3])).toEqual(['restored', 'new']);
    expect(result.stderr.startsWith(`marginalia add: ${scan} was not added: `)).toBe(true);
    expect(result.stderr).toContain(`marginalia add: ${missing} was not added: Not found`);
    const after = open(project);
    expect(listDocuments(after.doc).map((view) => [view.title, view.deleted === null])).toEqual([['Interview with a diplomat', true], ['Field notes, Lachin', true]]);

    const before = readFileSync(project);
    const same = await run(['add', notes, '--to', project]);
    expect(same.code).toBe(0);
    expect(columns(same.stdout)[0]?.[3]).toBe('already there');
    expect(readFileSync(project)).toEqual(before);
  });

  it('writes nothing when no file could be added', async () => {
    const project = join(dir, 'never.marginalia');
    const result = await run(['add', scan, '--to', project]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(existsSync(project)).toBe(false);
    expect(await run(['add', interview])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--to PROJECT_FILE is required/) });
  });

  it('text names the ids that exist, bundled and added; a damaged project file is one line', async () => {
    const project = join(dir, 'fieldwork.marginalia');
    const result = await run(['text', 'doc-0000000000000000', '--from', project]);
    expect(result.code).toBe(1);
    const { doc } = open(project);
    const ids = [...bundledArticles().map((article) => article.meta.id), ...listDocuments(doc).map((view) => view.id)];
    expect(result.stderr).toBe(`marginalia text: unknown document id "doc-0000000000000000" (known: ${ids.join(', ')})\n`);
    const damaged = write('damaged.marginalia', 'MGPF not really');
    expect(await run(['documents', '--from', damaged])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^marginalia documents: .*damaged\.marginalia.*the project file is truncated\n$/) });
  });
});

describe('marginalia export with added documents', () => {
  it('exports a highlight on an added document with the text the project file carries', async () => {
    const project = join(dir, 'coded.marginalia');
    expect((await run(['add', interview, '--to', project, '--as', 'Ana'])).code).toBe(0);
    const { doc, texts } = open(project);
    const [record] = listDocuments(doc);
    const article = loadArticle(texts.get(record!.id)!, 'interview.md', record!.id);
    const actor = { member: listMembers(doc)[0]!.id as MemberId };
    const phrase = 'the corridor through Zangezur';
    const start = article.text.indexOf(phrase);
    const { position, quote } = describeSpan(article.text, { start, end: start + phrase.length });
    const highlight = addHighlight(doc, actor, { documentId: record!.id, documentHash: compactDocumentHash(record!.hash), position, quote });
    applyTag(doc, actor, highlight, createTag(doc, actor, { name: 'Transit' }));
    writeFileSync(project, encodeProjectFile(doc, texts));

    const csv = join(dir, 'coded.csv');
    const result = await run(['export', '--format', 'csv', '--from', project, '--out', csv]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^wrote 1 excerpts to /);
    const [row] = parse(readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ quote: phrase, document_id: record!.id, document_title: 'Interview with a diplomat', anchored: 'yes', start_utf16: String(start), tags: 'Transit' });
    const jsonld = join(dir, 'coded.jsonld');
    expect((await run(['export', '--format', 'jsonld', '--from', project, '--out', jsonld])).code).toBe(0);
    expect(readFileSync(jsonld, 'utf8')).toContain(`"source": "urn:marginalia:document:${record!.id}"`);
  });
});

describe('marginalia merge with added documents', () => {
  it('C carries the texts of both files’ documents', async () => {
    const a = join(dir, 'merge-a.marginalia');
    const b = join(dir, 'merge-b.marginalia');
    const c = join(dir, 'merge-c.marginalia');
    expect((await run(['add', interview, '--to', a, '--as', 'Ana'])).code).toBe(0);
    expect((await run(['add', notes, interview, '--to', b, '--as', 'Bo'])).code).toBe(0);
    const result = await run(['merge', a, b, '--out', c]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const merged = open(c);
    const ids = listDocuments(merged.doc).map((view) => view.id).sort();
    expect(ids).toHaveLength(2);
    expect([...merged.texts.keys()].sort()).toEqual(ids);
    expect(merged.texts).toEqual(new Map([...open(a).texts, ...open(b).texts]));
  });
});
