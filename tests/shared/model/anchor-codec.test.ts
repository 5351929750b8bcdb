/**
 * The anchor codec: what addHighlight stores decodes to what was asked for, encoding the
 * decoded value gives back the stored value, and a value of another shape is refused with
 * a message naming it.
 */
import { describe, expect, it } from 'vitest';
import { anchorOf, decodeAnchor, encodeAnchor, isStoredAnchorValue, type StoredAnchor } from '#shared/model/anchor-codec.ts';
import { addHighlight, compactDocumentHash } from '#shared/model/highlights.ts';
import type { HighlightId, MemberId } from '#shared/model/ids.ts';
import { replica } from '../../helpers/replicas.ts';

const HASH = 'sha256:' + '3fa2'.repeat(16);

describe('anchor codec', () => {
  it('reads back what addHighlight stored, and encodes it to the same stored value', () => {
    const ana = replica('ana', 1, { now: 1_750_000_123_456 });
    const id = addHighlight(ana.doc, ana.actor, {
      documentId: 'doc-a',
      documentHash: HASH,
      position: { start: 12, end: 30 },
      quote: { exact: 'pipeline diplomacy', prefix: 'the ', suffix: ' of' },
    });
    const read = anchorOf(ana.doc, id);
    expect(read).toEqual({
      documentId: 'doc-a',
      documentHash: compactDocumentHash(HASH),
      position: { start: 12, end: 30 },
      quote: { exact: 'pipeline diplomacy', prefix: 'the ', suffix: ' of' },
      createdBy: 'ana',
      createdAt: 1_750_000_123_456,
    });
    const encoded = encodeAnchor(read as StoredAnchor);
    expect(isStoredAnchorValue(encoded)).toBe(true);
    expect(decodeAnchor(encoded)).toEqual(read);
    expect(decodeAnchor(JSON.parse(JSON.stringify(encoded)))).toEqual(read);
  });

  it('an unknown highlight has no anchor', () => {
    const { doc } = replica('ana', 1);
    expect(anchorOf(doc, 'no-such-highlight-00000' as HighlightId)).toBeUndefined();
  });

  it('refuses values of another shape, naming them', () => {
    const good = encodeAnchor({
      documentId: 'doc-a',
      documentHash: '3fa23fa23fa23fa2',
      position: { start: 0, end: 4 },
      quote: { exact: 'oil ', prefix: '', suffix: 'and' },
      createdBy: 'ana' as MemberId,
      createdAt: 1,
    });
    for (const bad of [undefined, null, 'text', { ...good, p: [0] }, { ...good, q: ['a', 'b'] }, { ...good, d: 7 }, { ...good, a: '1' }]) {
      expect(isStoredAnchorValue(bad)).toBe(false);
      expect(() => decodeAnchor(bad)).toThrow(/not a stored highlight anchor/);
    }
  });
});
