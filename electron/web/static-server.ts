/**
 * A small static file server for the built renderer (out/renderer).
 *
 * It is how the browser build runs when Electron's binary cannot be obtained (`npm start`
 * falls back to it) and how the end-to-end tests load the app in Chromium: the very same
 * files Electron loads over app://. It listens on 127.0.0.1 unless told otherwise, serves
 * only regular files whose real path (symlinks resolved) is inside its root — path
 * traversal, encoded or not, and symlinks leading out are refused — and sends the same
 * kind of strict Content-Security-Policy the desktop shell uses, with `nosniff` and
 * `no-referrer`, on every answer, errors included.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

/** Options for {@link startStaticServer}. */
export interface StaticServerConfig {
  /** Folder whose files are served; requests outside it are refused. */
  root: string;
  /** Interface to listen on; 127.0.0.1 by default, never every interface unless asked. */
  host?: string;
  /** Port; 0 (the default) picks a free one. */
  port?: number;
}

/** A running static server. */
export interface StaticServer {
  /** Base URL ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The policy sent with every page: scripts only from this origin, sync over websockets. */
export const BROWSER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Headers sent with every answer, errors included. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': BROWSER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/**
 * Maps a request path onto a file inside `root`, or returns null when the path is malformed
 * or would leave the root. `/` maps to `index.html`.
 */
export function resolveRequestPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootAbs = resolve(root);
  const target = resolve(rootAbs, relative);
  if (target !== rootAbs && !target.startsWith(rootAbs + sep)) return null;
  return target;
}

/**
 * Starts serving `config.root`; resolves once listening. The port is taken before the root
 * is resolved, so a port in use is reported as such whatever the state of the build folder.
 */
export async function startStaticServer(config: StaticServerConfig): Promise<StaticServer> {
  const host = config.host ?? '127.0.0.1';
  let root = '';
  const server = createServer((request, response) => {
    // Never resolve a request against an unknown root (it would be the working folder).
    if (root === '') response.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Starting');
    else void handle(root, request, response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port ?? 0, host, () => done());
  });
  try {
    root = await realpath(config.root);
  } catch (error) {
    server.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function refuse(response: ServerResponse, status: 403 | 404 | 405, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

/** The real path of `file` if it is a regular file inside `realRoot` (symlinks resolved), else null. */
async function servableFile(realRoot: string, file: string): Promise<{ path: string; size: number } | null> {
  try {
    const real = await realpath(file);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : null;
  } catch {
    return null;
  }
}

/** Answers one request; `root` is the real path of the served folder. */
async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    refuse(response, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const requested = resolveRequestPath(root, request.url ?? '/');
  if (!requested) {
    refuse(response, 403, 'Forbidden');
    return;
  }
  const file = await servableFile(root, requested);
  if (!file) {
    refuse(response, 404, 'Not found');
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
