/**
 * The `app://` protocol: serves the built UI (out/renderer) to the app's windows.
 *
 * A custom standard, secure scheme gives the UI a stable origin (`app://marginalia`, which
 * keys IndexedDB) without a local web server. The scheme must be registered as privileged
 * before the app is ready ({@link registerAppScheme}); the handler is installed after
 * ({@link setupAppProtocol}).
 *
 * Mapping a URL to a file is a pure function ({@link resolveAppPath}) so traversal rules
 * are tested directly: each path segment, as written in the request (before URL parsing
 * normalises dot segments), is percent-decoded on its own and rejected if it
 * is `.`/`..`, empty, or hides a separator, drive colon or NUL; the joined path must stay
 * inside the root. The handler then resolves symlinks and checks containment again, so
 * nothing that *resolves* outside the root is served either. Every response carries the
 * Content-Security-Policy.
 */
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { contentTypeFor } from './mime-types.ts';

/** The parts of Electron's `protocol` module used here. */
export interface ProtocolPort {
  registerSchemesAsPrivileged(
    schemes: Array<{
      scheme: string;
      privileges: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean; stream?: boolean; codeCache?: boolean };
    }>,
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Where a UI URL points: a file inside the root, or a refusal with its HTTP status. */
export type AppPathResolution =
  | { readonly kind: 'file'; readonly filePath: string }
  | { readonly kind: 'rejected'; readonly status: 400 | 403 | 404; readonly reason: string };

/** The file reads the handler performs; node's (asar-aware) `fs` satisfies it. */
export interface AppFileReader {
  realpath(filePath: string): Promise<string>;
  isFile(filePath: string): Promise<boolean>;
  readFile(filePath: string): Promise<Uint8Array>;
}

/** Privileges of the UI scheme: a standard, secure origin that can use fetch and streams. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: true,
  codeCache: true,
} as const;

/** The page served for the origin root. */
const INDEX_FILE = 'index.html';

/** Registers `app://` as privileged. Must run before the app's `ready` event. */
export function registerAppScheme(protocol: Pick<ProtocolPort, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

function rejected(status: 400 | 403 | 404, reason: string): AppPathResolution {
  return { kind: 'rejected', status, reason };
}

/** True when `candidate` lies inside `root` (or is it), after normalisation. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Maps an `app://marginalia/...` URL to a file path under `rootDir`, or refuses it. */
export function resolveAppPath(requestUrl: string, rootDir: string): AppPathResolution {
  const url = parseUrl(requestUrl);
  if (url === null) return rejected(400, 'malformed URL');
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') {
    return rejected(403, 'not the app origin');
  }
  // Check the path as written, before URL parsing collapses "..", "%2e%2e" and friends:
  // a request that tries to climb is refused outright rather than quietly re-rooted.
  const writtenPath = requestUrl.replace(/^[^:]+:\/\/[^/?#]*/, '').split(/[?#]/)[0] ?? '';
  const rawSegments = (writtenPath === '' ? '/' : writtenPath).split('/').slice(1);
  if (rawSegments.length === 1 && rawSegments[0] === '') rawSegments[0] = INDEX_FILE;
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return rejected(400, 'malformed percent-encoding');
    }
    if (segment === '' || segment === '.' || segment === '..') return rejected(403, 'empty or relative path segment');
    if (/[/\\:\0]/.test(segment)) return rejected(403, 'path segment hides a separator, drive or NUL');
    segments.push(segment);
  }
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!isInside(root, filePath) || filePath === root) return rejected(403, 'outside the UI root');
  return { kind: 'file', filePath };
}

/** Headers every UI response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The default reader: node's callback `fs` (the flavour Electron patches for asar archives). */
export function nodeFileReader(): AppFileReader {
  const realpath = promisify(nodeFs.realpath);
  const stat = promisify(nodeFs.stat);
  const readFile = promisify(nodeFs.readFile);
  return {
    realpath: (filePath) => realpath(filePath),
    isFile: async (filePath) => (await stat(filePath)).isFile(),
    readFile: async (filePath) => {
      const bytes = await readFile(filePath);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

/** Builds the request handler serving files from `rootDir`. */
export function createAppProtocolHandler(
  rootDir: string,
  reader: AppFileReader = nodeFileReader(),
): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolution = resolveAppPath(request.url, rootDir);
    if (resolution.kind === 'rejected') return textResponse(resolution.status, resolution.reason);
    try {
      const realRoot = await reader.realpath(root);
      const realFile = await reader.realpath(resolution.filePath);
      if (!isInside(realRoot, realFile)) return textResponse(403, 'outside the UI root');
      if (!(await reader.isFile(realFile))) return textResponse(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await reader.readFile(realFile);
      return new Response(body as Uint8Array<ArrayBuffer> | null, {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': contentTypeFor(realFile) },
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return textResponse(404, 'Not found');
      return textResponse(500, 'Could not read the file');
    }
  };
}

/** Installs the `app://` handler serving `rootDir`. Call after the app is ready. */
export function setupAppProtocol(protocol: Pick<ProtocolPort, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
