import { describe, expect, it } from 'vitest';
import { idFromRandomBytes, idToUuid, isId, newId, uuidToId } from '#shared/model/ids.ts';

describe('ids', () => {
  it('are 22-character compact v4 UUIDs that round-trip to the dashed form', () => {
    const id = newId();
    expect(id).toHaveLength(22);
    expect(isId(id)).toBe(true);
    const uuid = idToUuid(id);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidToId(uuid)).toBe(id);
  });

  it('encode known bytes deterministically', () => {
    const id = idFromRandomBytes(new Uint8Array(16));
    expect(idToUuid(id)).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuidToId('00000000-0000-4000-8000-000000000000')).toBe(id);
  });

  it('are unique across many draws and reject malformed input', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId()));
    expect(ids.size).toBe(2000);
    expect(isId('not-an-id')).toBe(false);
    expect(() => idToUuid('short')).toThrow();
    expect(() => uuidToId('1234')).toThrow();
  });
});
