/**
 * The real `bin/marginalia.js` as a child process on the pinned Node: `documents`,
 * `text <id>`, an unknown id, and a damaged documents folder.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundledArticles, documentsDir } from '../../helpers/bundled-documents.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const pinnedNode = join(repoRoot, 'node_modules/.bin/node');
const bin = join(repoRoot, 'bin/marginalia.js');

async function marginalia(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(pinnedNode, [bin, ...args], { cwd: repoRoot, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const articles = bundledArticles();

describe('bin/marginalia.js', () => {
  it('documents: one id<TAB>title<TAB>hash line per bundled document', async () => {
    const result = await marginalia(['documents']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines).toEqual(articles.map((article) => `${article.meta.id}\t${article.meta.title}\t${article.hash}`));
    for (const line of lines) expect(line).toMatch(/^[a-z0-9-]+\t[^\t]+\tsha256:[0-9a-f]{64}$/);
  });

  it('text <id>: prints the canonical text and a newline', async () => {
    const article = articles[3]!;
    const result = await marginalia(['text', article.meta.id]);
    expect(result).toEqual({ code: 0, stdout: `${article.text}\n`, stderr: '' });
  });

  it('text with an unknown id: exit code 1 and one line on stderr', async () => {
    const result = await marginalia(['text', 'no-such-document']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^marginalia text: unknown document id "no-such-document" \(known: azerbaijan-us-russia-dynamics, /)]);
  });

  it('documents with a missing article: lists the others, one error line, exit code 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-cli-'));
    try {
      await cp(documentsDir, dir, { recursive: true });
      await unlink(join(dir, 'azerbaijan-strategic-pragmatism.md'));
      const result = await marginalia(['--documents', dir, 'documents']);
      expect(result.code).toBe(1);
      expect(result.stdout.trimEnd().split('\n').map((line) => line.split('\t')[0])).toEqual(
        articles.map((article) => article.meta.id).filter((id) => id !== 'azerbaijan-strategic-pragmatism'),
      );
      expect(result.stderr).toBe('marginalia documents: azerbaijan-strategic-pragmatism: azerbaijan-strategic-pragmatism.md: cannot read the document (file not found)\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
