/**
 * Loads the bundled articles over HTTP(S) or app:// — relative to the page, so the same code
 * works under Electron's app://marginalia/ and the browser build on 127.0.0.1.
 *
 * Failure is per document: a missing manifest fails the library as a whole, but a missing,
 * unreadable or malformed article becomes an error entry for that article alone, and every
 * other article still opens. Errors are values here (the boundary), never thrown to React.
 */
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { parseManifest, type DocumentId } from '#shared/documents/manifest.ts';

/** Where the manifest lives, relative to index.html. */
export const MANIFEST_URL = './documents/manifest.json';

/** One article of the library: loaded, or an explanation of why not. */
export type LibraryEntry =
  | { readonly status: 'ready'; readonly id: DocumentId; readonly file: string; readonly article: Article }
  | { readonly status: 'error'; readonly id: DocumentId; readonly file: string; readonly message: string };

/** The whole library, or why it could not be listed at all. */
export type LibraryLoad =
  | { readonly status: 'ready'; readonly entries: readonly LibraryEntry[] }
  | { readonly status: 'error'; readonly message: string };

/** The subset of `fetch` this service needs (injectable for tests). */
export type FetchText = (url: string) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function fetchText(fetcher: FetchText, url: string): Promise<string> {
  const response = await fetcher(url);
  if (!response.ok) {
    const reason = response.status === 404 ? 'the file is missing' : `HTTP ${response.status} ${response.statusText}`.trim();
    throw new Error(`${url}: ${reason}`);
  }
  return response.text();
}

/** Resolves a manifest file name against the manifest URL (`./documents/<file>`). */
export function documentUrl(file: string, manifestUrl = MANIFEST_URL): string {
  return manifestUrl.slice(0, manifestUrl.lastIndexOf('/') + 1) + encodeURIComponent(file);
}

/** Loads one article; any failure becomes an error entry. */
export async function loadLibraryEntry(fetcher: FetchText, id: DocumentId, file: string, manifestUrl = MANIFEST_URL): Promise<LibraryEntry> {
  try {
    const source = await fetchText(fetcher, documentUrl(file, manifestUrl));
    const article = loadArticle(source, file, id);
    return { status: 'ready', id, file, article };
  } catch (error) {
    return { status: 'error', id, file, message: describe(error) };
  }
}

/** Fetches the manifest, then every article in parallel; never rejects. */
export async function loadLibrary(fetcher: FetchText, manifestUrl = MANIFEST_URL): Promise<LibraryLoad> {
  let entries: { id: DocumentId; file: string }[];
  try {
    const raw = await fetchText(fetcher, manifestUrl);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new Error(`${manifestUrl}: not valid JSON (${describe(error)})`);
    }
    entries = parseManifest(json).documents;
  } catch (error) {
    return { status: 'error', message: `The library could not be loaded. ${describe(error)}` };
  }
  const loaded = await Promise.all(entries.map((entry) => loadLibraryEntry(fetcher, entry.id, entry.file, manifestUrl)));
  return { status: 'ready', entries: loaded };
}

/** The browser's fetch, adapted to {@link FetchText}. */
export function browserFetch(url: string): ReturnType<FetchText> {
  return fetch(url, { cache: 'no-cache' });
}
