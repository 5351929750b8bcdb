import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
  setupAppProtocol,
} from '../../../electron/main/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy.ts';
import { app, protocol, resetFakeElectron } from '../../helpers/fake-electron.ts';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'marginalia-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(root, 'documents'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Marginalia</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'documents', 'caucasus essay.md'), '# Essay');
  await writeFile(path.join(base, 'secret.txt'), 'outside the root');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

beforeEach(() => resetFakeElectron());

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetch-capable, before ready', () => {
    registerAppScheme(protocol);
    expect(protocol.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
        beforeReady: true,
      },
    ]);
    expect(app.isReady()).toBe(false);
  });
});

describe('resolveAppPath', () => {
  it('maps the origin root to index.html and nested paths inside the root', () => {
    expect(resolveAppPath('app://marginalia/', root)).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('app://marginalia/documents/caucasus%20essay.md', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'documents', 'caucasus essay.md'),
    });
  });

  it.each([
    'app://marginalia/%2e%2e/secret.txt',
    'app://marginalia/%2E%2E/secret.txt',
    'app://marginalia/assets/..%2f..%2fsecret.txt',
    'app://marginalia/assets/..%5c..%5csecret.txt',
    'app://marginalia//etc/passwd',
    'app://marginalia/%2fetc%2fpasswd',
    'app://marginalia/C:%5cWindows%5cwin.ini',
    'app://marginalia/index.html%00.png',
    'app://marginalia/assets/',
  ])('refuses %s with 403', (url) => {
    expect(resolveAppPath(url, root)).toMatchObject({ kind: 'rejected', status: 403 });
  });

  it('refuses dot segments even where URL parsing would collapse them inside the root', () => {
    expect(resolveAppPath('app://marginalia/../../secret.txt', root)).toMatchObject({ status: 403 });
    expect(resolveAppPath('app://marginalia/assets/./index-abc.js', root)).toMatchObject({ status: 403 });
  });

  it('ignores query strings and fragments', () => {
    expect(resolveAppPath('app://marginalia/index.html?v=2#top', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'index.html'),
    });
    expect(resolveAppPath('app://marginalia', root)).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
  });

  it('refuses other hosts, schemes and malformed encodings', () => {
    expect(resolveAppPath('app://evil/index.html', root)).toMatchObject({ status: 403 });
    expect(resolveAppPath('file:///etc/passwd', root)).toMatchObject({ status: 403 });
    expect(resolveAppPath('app://marginalia:8080/index.html', root)).toMatchObject({ status: 403 });
    expect(resolveAppPath('app://marginalia/%E0%A4%A', root)).toMatchObject({ status: 400 });
    expect(resolveAppPath('not a url', root)).toMatchObject({ status: 400 });
  });
});

describe('the app:// handler', () => {
  it('serves files with their content type, the CSP and nosniff', async () => {
    setupAppProtocol(protocol, root);
    const page = await protocol.simulateRequest('app://marginalia/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Marginalia</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await protocol.simulateRequest('app://marginalia/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and folders, 403 for traversal, 405 for writes', async () => {
    const handle = createAppProtocolHandler(root);
    expect((await handle(new Request('app://marginalia/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://marginalia/documents'))).status).toBe(404);
    const traversal = await handle(new Request('app://marginalia/assets/..%2f..%2fsecret.txt'));
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('outside the root');
    expect((await handle(new Request('app://marginalia/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('refuses a symlink that resolves outside the root', async () => {
    const handle = createAppProtocolHandler(root);
    const response = await handle(new Request('app://marginalia/assets/link.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the root');
  });

  it('answers HEAD without a body', async () => {
    const handle = createAppProtocolHandler(root);
    const response = await handle(new Request('app://marginalia/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
