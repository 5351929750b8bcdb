import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_DIRECTIVES,
} from '../../../electron/main/content-security-policy.ts';

function directive(name: string): string[] {
  const entry = CONTENT_SECURITY_POLICY.split('; ').find((part) => part.split(' ')[0] === name);
  return entry === undefined ? [] : entry.split(' ').slice(1);
}

describe('Content-Security-Policy', () => {
  it('limits scripts to the app origin with no inline code or eval', () => {
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
    expect(directive('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows inline style attributes only, not style elements or foreign sheets', () => {
    expect(directive('style-src')).toEqual(["'self'"]);
    expect(directive('style-src-attr')).toEqual(["'unsafe-inline'"]);
  });

  it('lets the page reach the sync server over websockets and loopback http, nothing else', () => {
    expect(directive('connect-src')).toEqual(["'self'", 'ws:', 'wss:', 'http://127.0.0.1:*']);
  });

  it('switches off plugins, framing, base rewriting and form posts', () => {
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
    expect(directive('frame-src')).toEqual(["'none'"]);
    expect(directive('base-uri')).toEqual(["'none'"]);
    expect(directive('form-action')).toEqual(["'none'"]);
  });

  it('names each directive once', () => {
    const names = CONTENT_SECURITY_POLICY_DIRECTIVES.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
  });
});
