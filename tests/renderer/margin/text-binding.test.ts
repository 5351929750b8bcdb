/**
 * The note textarea ↔ Y.Text binding: local edits become minimal splices (so two people
 * editing the same note merge character-wise), remote edits keep the caret where the
 * person was typing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindText, transformIndex, type TextSurface } from '../../../renderer/margin/text-binding.ts';

function surface(): TextSurface & { selection(): [number, number] } {
  const state = { value: '', selectionStart: 0, selectionEnd: 0 };
  return Object.assign(state, {
    setSelectionRange(start: number, end: number) {
      state.selectionStart = start;
      state.selectionEnd = end;
    },
    selection: () => [state.selectionStart, state.selectionEnd] as [number, number],
  });
}

describe('transformIndex', () => {
  it('shifts past inserts before it and pulls back over deletes before it', () => {
    expect(transformIndex(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformIndex(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
    expect(transformIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'x' }], true)).toBe(5);
  });
});

describe('bindText', () => {
  it('writes only the changed middle of the text', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    const splices: [number, number, string][] = [];
    const area = surface();
    const binding = bindText(area, text, (index, deleteCount, insert) => {
      splices.push([index, deleteCount, insert]);
      text.delete(index, deleteCount);
      text.insert(index, insert);
    });
    expect(area.value).toBe('hello world');
    area.value = 'hello brave world';
    binding.onInput();
    expect(splices).toEqual([[6, 0, 'brave ']]);
    expect(text.toString()).toBe('hello brave world');
    binding.unbind();
  });

  it('merges concurrent edits of the same note from two people', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'The claim is strong.');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const splice = (text: Y.Text) => (index: number, deleteCount: number, insert: string) => {
      text.delete(index, deleteCount);
      text.insert(index, insert);
    };
    const areaA = surface();
    const areaB = surface();
    const bindA = bindText(areaA, a.getText('t'), splice(a.getText('t')));
    const bindB = bindText(areaB, b.getText('t'), splice(b.getText('t')));
    areaA.value = 'The first claim is strong.';
    bindA.onInput();
    areaB.value = 'The claim is very strong.';
    bindB.onInput();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('The first claim is very strong.');
    expect(areaA.value).toBe('The first claim is very strong.');
    expect(areaB.value).toBe('The first claim is very strong.');
  });

  it('keeps the caret in place when a teammate types before it', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    local.getText('t').insert(0, 'abcdef');
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    const area = surface();
    bindText(area, local.getText('t'), () => undefined);
    area.setSelectionRange(4, 4); // caret between d and e
    remote.getText('t').insert(1, 'XYZ');
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    expect(area.value).toBe('aXYZbcdef');
    expect(area.selection()).toEqual([7, 7]);
  });
});
