/**
 * The one derivation of a sync server's HTTP base from its websocket URL, and the
 * document-text paths built on it and parsed back by the server.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { newId, type ProjectId } from '#shared/model/ids.ts';
import { documentTextUrl, httpBaseOf, isAddedDocumentId, parseDocumentTextPath } from '#shared/sync/document-urls.ts';

const project = newId() as ProjectId;
const id = 'doc-0123456789abcdef' as DocumentId;

describe('document-text addresses', () => {
  it('derives http from ws and https from wss, keeping host, port and path', () => {
    expect(httpBaseOf('ws://127.0.0.1:4455')).toBe('http://127.0.0.1:4455');
    expect(httpBaseOf('wss://sync.example.org')).toBe('https://sync.example.org');
    expect(httpBaseOf('WSS://sync.example.org/team/')).toBe('https://sync.example.org/team');
    expect(httpBaseOf(' ws://[::1]:4455/?x=1 ')).toBe('http://[::1]:4455');
  });

  it('refuses anything that is not a websocket address', () => {
    expect(() => httpBaseOf('https://sync.example.org')).toThrow(/ws:\/\/… or wss:\/\//);
    expect(() => httpBaseOf('sync.example.org')).toThrow(/ws:\/\//);
    expect(() => httpBaseOf('ws://')).toThrow();
  });

  it('builds the document URL the server parses back, and only for added documents', () => {
    const url = documentTextUrl(httpBaseOf('wss://sync.example.org/team'), project, id);
    expect(url).toBe(`https://sync.example.org/team/documents/${project}/${id}`);
    expect(parseDocumentTextPath(`/documents/${project}/${id}`)).toEqual({ projectId: project, documentId: id });
    expect(parseDocumentTextPath('/health')).toBeNull();
    expect(parseDocumentTextPath(`/documents/${project}/azerbaijan-back-to-normalcy`)).toBe('malformed');
    expect(parseDocumentTextPath(`/documents/${project}/${id}/more`)).toBe('malformed');
    expect(parseDocumentTextPath(`/documents/not-a-project/${id}`)).toBe('malformed');
    expect(isAddedDocumentId('doc-0123456789ABCDEF')).toBe(false);
    expect(isAddedDocumentId(id)).toBe(true);
  });
});
