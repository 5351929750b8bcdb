/**
 * Keyboard map of annotation commands.
 */
import { describe, expect, it } from 'vitest';
import { annotationKeyAction } from '../../../renderer/annotations/annotation-keys.ts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});
const both = { hasSelection: true, hasFocusedHighlight: true };
const none = { hasSelection: false, hasFocusedHighlight: false };
const focusOnly = { hasSelection: false, hasFocusedHighlight: true };

describe('annotationKeyAction', () => {
  it('maps 1–9 to tags only when there is something to tag', () => {
    expect(annotationKeyAction(key('1'), both)).toEqual({ kind: 'tag', number: 1 });
    expect(annotationKeyAction(key('9'), focusOnly)).toEqual({ kind: 'tag', number: 9 });
    expect(annotationKeyAction(key('0'), both)).toBeNull();
    expect(annotationKeyAction(key('3'), none)).toBeNull();
    expect(annotationKeyAction(key('3', { ctrlKey: true }), both)).toBeNull();
  });

  it('opens the focused highlight\'s popover with Enter, never over a selection or with Shift', () => {
    expect(annotationKeyAction(key('Enter'), focusOnly)).toEqual({ kind: 'open' });
    expect(annotationKeyAction(key('Enter', { shiftKey: true }), focusOnly)).toBeNull();
    expect(annotationKeyAction(key('Enter'), { hasSelection: true, hasFocusedHighlight: true })).toBeNull();
    expect(annotationKeyAction(key('Enter'), { hasSelection: false, hasFocusedHighlight: false })).toBeNull();
  });

  it('trashes the focused highlight with Delete or Backspace, never a selection', () => {
    expect(annotationKeyAction(key('Delete'), focusOnly)).toEqual({ kind: 'trash' });
    expect(annotationKeyAction(key('Backspace'), focusOnly)).toEqual({ kind: 'trash' });
    expect(annotationKeyAction(key('Delete'), none)).toBeNull();
    expect(annotationKeyAction(key('Delete'), both)).toBeNull();
  });

  it('maps undo and both redo shortcuts on Ctrl and Cmd', () => {
    expect(annotationKeyAction(key('z', { ctrlKey: true }), none)).toEqual({ kind: 'undo' });
    expect(annotationKeyAction(key('z', { metaKey: true }), none)).toEqual({ kind: 'undo' });
    expect(annotationKeyAction(key('Z', { ctrlKey: true, shiftKey: true }), none)).toEqual({ kind: 'redo' });
    expect(annotationKeyAction(key('y', { ctrlKey: true }), none)).toEqual({ kind: 'redo' });
    expect(annotationKeyAction(key('z', { ctrlKey: true, altKey: true }), none)).toBeNull();
  });
});
