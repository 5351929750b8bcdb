import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentUrl, loadLibrary, type FetchText } from '../../../renderer/services/documents.ts';

const documentsDir = fileURLToPath(new URL('../../../documents/', import.meta.url));

/** A fetch over a map of URL → body; absent URLs are 404s, `null` bodies are network errors. */
function fakeFetch(files: Record<string, string | null>): FetchText & { requested: string[] } {
  const requested: string[] = [];
  const fetcher = async (url: string) => {
    requested.push(url);
    const body = files[url];
    if (body === null) throw new TypeError('Failed to fetch');
    if (body === undefined) return { ok: false, status: 404, statusText: 'Not Found', text: async () => 'not found' };
    return { ok: true, status: 200, statusText: 'OK', text: async () => body };
  };
  return Object.assign(fetcher, { requested });
}

function bundledFiles(): Record<string, string | null> {
  const manifestText = readFileSync(`${documentsDir}manifest.json`, 'utf8');
  const files: Record<string, string | null> = { './documents/manifest.json': manifestText };
  for (const entry of (JSON.parse(manifestText) as { documents: { file: string }[] }).documents) {
    files[`./documents/${entry.file}`] = readFileSync(`${documentsDir}${entry.file}`, 'utf8');
  }
  return files;
}

describe('documents service', () => {
  it('loads every bundled article through relative URLs', async () => {
    const fetcher = fakeFetch(bundledFiles());
    const library = await loadLibrary(fetcher);
    expect(library.status).toBe('ready');
    if (library.status !== 'ready') return;
    expect(library.entries).toHaveLength(5);
    for (const entry of library.entries) {
      expect(entry.status).toBe('ready');
      if (entry.status === 'ready') {
        expect(entry.article.meta.id).toBe(entry.id);
        expect(entry.article.text.length).toBeGreaterThan(1000);
      }
    }
    expect(fetcher.requested.every((url) => url.startsWith('./documents/'))).toBe(true);
  });

  it('turns a missing, a malformed and an unreachable article into error entries; others still load', async () => {
    const files = bundledFiles();
    const manifest = JSON.parse(files['./documents/manifest.json']!) as { documents: { id: string; file: string }[] };
    const [a, b, c] = manifest.documents.map((entry) => `./documents/${entry.file}`) as [string, string, string];
    delete files[a];
    files[b] = '---\nid: wrong\n---\n';
    files[c] = null;
    const library = await loadLibrary(fakeFetch(files));
    if (library.status !== 'ready') throw new Error('library should load');
    const statuses = library.entries.map((entry) => entry.status);
    expect(statuses).toEqual(['error', 'error', 'error', 'ready', 'ready']);
    const messages = library.entries.map((entry) => (entry.status === 'error' ? entry.message : ''));
    expect(messages[0]).toMatch(/missing/);
    expect(messages[1]).toContain(manifest.documents[1]!.file);
    expect(messages[2]).toMatch(/Failed to fetch/);
    expect(library.entries[0]!.id).toBe(manifest.documents[0]!.id);
  });

  it('fails the whole library with a clear message when the manifest is missing or invalid', async () => {
    const missing = await loadLibrary(fakeFetch({}));
    expect(missing).toEqual({ status: 'error', message: expect.stringMatching(/manifest\.json: the file is missing/) });
    const invalid = await loadLibrary(fakeFetch({ './documents/manifest.json': '{"version": 2, "documents": []}' }));
    expect(invalid.status === 'error' && invalid.message).toMatch(/version/);
    const notJson = await loadLibrary(fakeFetch({ './documents/manifest.json': '{' }));
    expect(notJson.status === 'error' && notJson.message).toMatch(/not valid JSON/);
  });

  it('builds document URLs next to the manifest and escapes file names', () => {
    expect(documentUrl('a-b.md')).toBe('./documents/a-b.md');
    expect(documentUrl('a b.md', '/x/manifest.json')).toBe('/x/a%20b.md');
  });
});
