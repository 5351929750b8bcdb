/** The reader schema renders semantic HTML and enforces the article structure. */
import { describe, expect, it } from 'vitest';
import type { DOMOutputSpec, Node as ProseMirrorNode } from 'prosemirror-model';
import { readerSchema } from '#shared/documents/schema.ts';

const { nodes } = readerSchema;
const paragraph = nodes.paragraph!.create(null, readerSchema.text('x'));
const toDOM = (node: ProseMirrorNode): DOMOutputSpec => (node.type.spec.toDOM as (node: ProseMirrorNode) => DOMOutputSpec)(node);

describe('readerSchema', () => {
  it('renders headings h1..h4, paragraphs, lists and list items as semantic tags', () => {
    for (const level of [1, 2, 3, 4]) expect(toDOM(nodes.heading!.create({ level }, readerSchema.text('t')))).toEqual([`h${level}`, 0]);
    expect(toDOM(paragraph)).toEqual(['p', 0]);
    const item = nodes.list_item!.create(null, paragraph);
    expect(toDOM(item)).toEqual(['li', 0]);
    expect(toDOM(nodes.bullet_list!.create(null, item))).toEqual(['ul', 0]);
    expect(toDOM(nodes.ordered_list!.create(null, item))).toEqual(['ol', 0]);
    expect(toDOM(nodes.ordered_list!.create({ start: 3 }, item))).toEqual(['ol', { start: '3' }, 0]);
    expect(toDOM(nodes.blockquote!.create(null, [paragraph, paragraph]))).toEqual(['blockquote', 0]);
  });

  it('has no marks and keeps text only inside textblocks', () => {
    expect(Object.keys(readerSchema.marks)).toEqual([]);
    expect(() => nodes.doc!.create(null, readerSchema.text('loose')).check()).toThrow();
    expect(() => nodes.list_item!.create(null, nodes.heading!.create(null, readerSchema.text('h'))).check()).toThrow();
    expect(() => nodes.heading!.create({ level: 'two' })).toThrow();
    // A block quote holds paragraphs only, at least one.
    expect(() => nodes.blockquote!.create(null, []).check()).toThrow();
    expect(() => nodes.blockquote!.create(null, nodes.heading!.create(null, readerSchema.text('h'))).check()).toThrow();
  });
});
