/**
 * The static server behind the browser build: serves the root, refuses everything outside
 * it (symlinks included), and sends its security headers with every answer, errors too.
 */
import { mkdtemp, mkdir, writeFile, rm, symlink } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_CSP, resolveRequestPath, startStaticServer, type StaticServer } from '../../../electron/web/static-server.ts';

/** Raw GET that does not normalise `..` the way fetch() would. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static server', () => {
  let dir: string;
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marginalia-static-'));
    root = join(dir, 'site');
    await mkdir(join(root, 'documents'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>');
    await writeFile(join(root, 'documents', 'a.md'), '# A');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await mkdir(join(dir, 'outside'));
    await writeFile(join(dir, 'outside', 'secret.md'), 'secret');
    await symlink(join(dir, 'secret.txt'), join(root, 'link.txt'));
    await symlink('/etc/passwd', join(root, 'passwd'));
    await symlink(join(dir, 'outside'), join(root, 'linked-folder'));
    await symlink(join(root, 'documents', 'a.md'), join(root, 'inside-link.md'));
    server = await startStaticServer({ root });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves index.html at / with a strict CSP', async () => {
    const response = await rawGet(server.port, '/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>ok</title>');
    expect(response.headers['content-security-policy']).toBe(BROWSER_CSP);
    expect(BROWSER_CSP).toContain("script-src 'self'");
    expect(BROWSER_CSP).not.toContain('unsafe-eval');
  });

  it('serves nested files with their content type', async () => {
    const response = await rawGet(server.port, '/documents/a.md');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/markdown');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/documents/..%2f..%2fsecret.txt', '/%00', '/..%5csecret.txt'])(
    'refuses %s',
    async (path) => {
      const response = await rawGet(server.port, path);
      expect([403, 404]).toContain(response.status);
      expect(response.body).not.toContain('secret');
    },
  );

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await rawGet(server.port, '/nope.js')).status).toBe(404);
  });

  it.each(['/link.txt', '/passwd', '/linked-folder/secret.md'])('refuses the symlink %s that leads outside the root', async (path) => {
    const response = await rawGet(server.port, path);
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('root:');
  });

  it('serves a symlink that stays inside the root', async () => {
    const response = await rawGet(server.port, '/inside-link.md');
    expect(response.status).toBe(200);
    expect(response.body).toBe('# A');
  });

  it.each(['/', '/nope.js', '/../secret.txt', '/passwd', '/documents'])('sends the security headers with the answer to %s', async (path) => {
    const { headers } = await rawGet(server.port, path);
    expect(headers['content-security-policy']).toBe(BROWSER_CSP);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  it('resolveRequestPath keeps every result inside the root', () => {
    expect(resolveRequestPath('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(resolveRequestPath('/srv/app', '/a/b.js?x=1')).toBe('/srv/app/a/b.js');
    expect(resolveRequestPath('/srv/app', '/%E0%A4%A')).toBeNull();
    expect(resolveRequestPath('/srv/app', '/../../etc/passwd')).toBeNull();
  });
});

describe('static server start', () => {
  it('reports a port in use as such, whether or not its root exists (the port is taken first)', async () => {
    const taken = await startStaticServer({ root: tmpdir() });
    try {
      const missing = join(tmpdir(), 'marginalia-no-such-build');
      await expect(startStaticServer({ root: missing, port: taken.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await taken.close();
    }
  });

  it('refuses a root that does not exist and lets go of the port it took', async () => {
    const missing = join(tmpdir(), 'marginalia-no-such-build');
    const probe = await startStaticServer({ root: tmpdir() });
    const port = probe.port;
    await probe.close();
    await expect(startStaticServer({ root: missing, port })).rejects.toMatchObject({ code: 'ENOENT' });
    // The port is free again: a server starts on it.
    const again = await startStaticServer({ root: tmpdir(), port });
    await again.close();
  });
});
