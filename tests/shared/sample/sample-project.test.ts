/**
 * The sample project generator and the `marginalia sample` command: reproducible by seed,
 * the requested shape (highlights per article, tags in a hierarchy, notes with replies by
 * several people, overlapping spans), and a project file the app's merge accepts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runCli } from '../../../electron/cli/main.ts';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
import { listMembers } from '#shared/model/project.ts';
import { filterAnnotations, listTags } from '#shared/model/queries.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

describe('generateSampleProject', () => {
  it('is reproducible by seed and different across seeds', () => {
    const a = encodeProjectFile(generateSampleProject(articles, { highlights: 300, seed: 7 }).doc);
    const b = encodeProjectFile(generateSampleProject(articles, { highlights: 300, seed: 7 }).doc);
    const c = encodeProjectFile(generateSampleProject(articles, { highlights: 300, seed: 8 }).doc);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('has the requested shape: per-article highlights, tag tree, notes, replies, people, overlaps', () => {
    const { doc, summary } = generateSampleProject(articles, { highlights: 1000, seed: 2 });
    const all = filterAnnotations(doc, {});
    expect(all).toHaveLength(1000);
    for (const article of articles) expect(all.filter((view) => view.documentId === article.id)).toHaveLength(200);
    const tree = listTags(doc);
    expect(tree.length).toBeGreaterThan(1);
    expect(tree.some((node) => node.children.length > 0)).toBe(true);
    expect(filterAnnotations(doc, { withNote: true })).toHaveLength(summary.notes);
    expect(summary.replies).toBeGreaterThan(0);
    expect(listMembers(doc)).toHaveLength(5);
    for (const view of all.slice(0, 50)) {
      const article = articles.find((candidate) => candidate.id === view.documentId);
      expect(article?.text.slice(view.position.start, view.position.end)).toBe(view.quote.exact);
    }
    const first = all.filter((view) => view.documentId === articles[0]?.id).sort((x, y) => x.position.start - y.position.start);
    const overlapping = first.filter((view, index) => index > 0 && view.position.start < (first[index - 1]?.position.end ?? 0));
    expect(overlapping.length).toBeGreaterThan(20);
  });
});

describe('marginalia sample', () => {
  it('writes a project file that merges into an empty project', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'marginalia-sample-')), 'sample.marginalia');
    const stdout: string[] = [];
    const code = await runCli(['sample', '--highlights', '100', '--seed', '4', '--out', out], {
      stdout: (text) => void stdout.push(text), stderr: () => undefined, documentsDir: defaultDocumentsDir(),
    });
    expect(code).toBe(0);
    expect(stdout.join('')).toContain('100 highlights');
    const doc = new Y.Doc();
    expect(mergeProjectFile(doc, new Uint8Array(readFileSync(out)))).toMatchObject({ ok: true, summary: { highlights: 100 } });
    expect(filterAnnotations(doc, {})).toHaveLength(100);
  });

  it('refuses a missing --out with a usage error', async () => {
    const stderr: string[] = [];
    const code = await runCli(['sample', '--highlights', '10'], { stdout: () => undefined, stderr: (text) => void stderr.push(text), documentsDir: defaultDocumentsDir() });
    expect(code).toBe(2);
    expect(stderr.join('')).toContain('--out FILE is required');
  });
});
