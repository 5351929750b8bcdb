import { describe, expect, it } from 'vitest';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { loadViewFilter, saveViewFilter, viewFilterKey } from '../../../renderer/store/view-filter-store.ts';

function memoryStore(): { getItem(key: string): string | null; setItem(key: string, value: string): void; values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('view filter store', () => {
  it('remembers each project\'s choice apart', () => {
    const storage = memoryStore();
    const first = 'project-one' as ProjectId;
    const second = 'project-two' as ProjectId;
    expect(loadViewFilter(storage, first)).toEqual({ show: 'everyone' });
    saveViewFilter(storage, first, { show: 'mine' });
    saveViewFilter(storage, second, { show: 'member', member: 'bo' as MemberId });
    expect(loadViewFilter(storage, first)).toEqual({ show: 'mine' });
    expect(loadViewFilter(storage, second)).toEqual({ show: 'member', member: 'bo' });
  });

  it('reads a damaged value as everyone and survives a storage that refuses', () => {
    const storage = memoryStore();
    const project = 'p' as ProjectId;
    storage.values.set(viewFilterKey(project), '{"show":');
    expect(loadViewFilter(storage, project)).toEqual({ show: 'everyone' });
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    expect(loadViewFilter(refusing, project)).toEqual({ show: 'everyone' });
    expect(() => saveViewFilter(refusing, project, { show: 'mine' })).not.toThrow();
  });
});
