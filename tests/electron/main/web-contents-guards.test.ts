import { beforeEach, describe, expect, it } from 'vitest';
import { openExternalSafely } from '../../../electron/main/external-links.ts';
import { guardWebContents } from '../../../electron/main/web-contents-guards.ts';
import { fakeEvent, FakeWebContents, resetFakeElectron, shell } from '../../helpers/fake-electron.ts';

let contents: FakeWebContents;

beforeEach(() => {
  resetFakeElectron();
  contents = new FakeWebContents();
  guardWebContents(contents, (url) => openExternalSafely(shell, url));
});

describe('navigation guard', () => {
  it('lets pages move within app://marginalia', () => {
    expect(contents.simulateNavigation('app://marginalia/index.html#doc-3')).toBe(false);
    expect(contents.simulateNavigation('app://marginalia/other.html')).toBe(false);
  });

  it.each([
    'https://example.org/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://marginalia:99/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
  ])('cancels navigation to %s', (url) => {
    expect(contents.simulateNavigation(url)).toBe(true);
  });

  it('cancels redirects away from the app origin', () => {
    expect(contents.simulateNavigation('https://example.org/', 'will-redirect')).toBe(true);
    expect(contents.simulateNavigation('app://marginalia/index.html', 'will-redirect')).toBe(false);
  });

  it('hands a cancelled https link to the system browser, and nothing else', async () => {
    contents.simulateNavigation('https://example.org/article');
    contents.simulateNavigation('file:///etc/passwd');
    await Promise.resolve();
    expect(shell.openedExternal).toEqual(['https://example.org/article']);
  });

  it('refuses to attach a <webview>', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('new windows', () => {
  it('denies every window.open, sending only https targets to the system browser', async () => {
    expect(contents.simulateWindowOpen('https://example.org/source')).toEqual({ action: 'deny' });
    expect(contents.simulateWindowOpen('app://marginalia/index.html')).toEqual({ action: 'deny' });
    expect(contents.simulateWindowOpen('http://example.org/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.openedExternal).toEqual(['https://example.org/source']);
  });
});
