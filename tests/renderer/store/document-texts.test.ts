/**
 * The local store of added documents' texts (fake-indexeddb): a text is stored only when
 * it parses and hashes to its id, it survives reopening, listeners hear of each stored
 * text, and a missing or failing IndexedDB keeps texts in memory with a status that says so.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { checkDocumentText, DocumentTextError } from '../../../renderer/store/document-text-check.ts';
import { openDocumentTexts } from '../../../renderer/store/document-texts.ts';

async function converted(text: string) {
  return convertDocument(new TextEncoder().encode(text), 'notes.txt');
}

describe('checkDocumentText', () => {
  it('accepts an article file whose text hashes to its id', async () => {
    const { id, source } = await converted('Notes\nA passage.');
    expect(checkDocumentText(id, source).text).toBe('Notes\nA passage.');
  });

  it('refuses a text stored under another text’s id', async () => {
    const first = await converted('Notes\nA passage.');
    const second = await converted('Notes\nAnother passage.');
    const relabelled = second.source.replace(`id: ${second.id}`, `id: ${first.id}`);
    expect(() => checkDocumentText(first.id, relabelled)).toThrow(DocumentTextError);
    expect(() => checkDocumentText(first.id, relabelled)).toThrow(`is the text of ${second.id}`);
  });

  it('refuses a text that is not an article file, or names another id', async () => {
    const { id, source } = await converted('Notes\nA passage.');
    expect(() => checkDocumentText(id, 'just words')).toThrow('is not a readable article');
    expect(() => checkDocumentText('doc-0000000000000000', source)).toThrow(DocumentTextError);
  });
});

describe('document text store', () => {
  it('stores a checked text, tells listeners, and keeps it across reopening', async () => {
    const store = openDocumentTexts(indexedDB);
    const { id, source } = await converted('Stored\nOnce.');
    const heard: string[] = [];
    store.subscribe((stored) => heard.push(stored));
    await expect(store.has(id)).resolves.toBe(false);
    await store.put(id, source);
    expect(heard).toEqual([id]);
    const reopened = openDocumentTexts(indexedDB);
    await expect(reopened.get(id)).resolves.toBe(source);
    await expect(reopened.has(id)).resolves.toBe(true);
    expect(reopened.status()).toEqual({ kind: 'ok' });
  });

  it('stores nothing from a refused text', async () => {
    const store = openDocumentTexts(indexedDB);
    const good = await converted('Good\ntext.');
    const other = await converted('Other\ntext.');
    const heard: string[] = [];
    store.subscribe((stored) => heard.push(stored));
    await expect(store.put(good.id, other.source)).rejects.toBeInstanceOf(DocumentTextError);
    await expect(store.has(good.id)).resolves.toBe(false);
    expect(heard).toEqual([]);
  });

  it('without IndexedDB keeps texts in memory and says so', async () => {
    const store = openDocumentTexts(null);
    const { id, source } = await converted('Memory\nonly.');
    await expect(store.put(id, source)).rejects.toThrow('kept only until the window closes');
    await expect(store.get(id)).resolves.toBe(source);
    expect(store.status().kind).toBe('memory-only');
  });
});
