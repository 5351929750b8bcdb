/**
 * docs/architecture.md §8 update-size budgets, measured on the update events a real edit emits:
 * new highlight ≤ 300 B, tag toggle ≤ 64 B, note keystroke ≤ 40 B. Ids are real random
 * ids and the document hash is a real-shaped `sha256:` hash, so sizes match production.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight, applyTag, removeTag } from '#shared/model/highlights.ts';
import { newId, type MemberId } from '#shared/model/ids.ts';
import { addNote, editNote } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';

function setup() {
  const doc = new Y.Doc();
  let now = 1_763_700_000_000;
  const actor: Actor = { member: newId() as MemberId, now: () => (now += 1500) };
  createProject(doc, actor, { name: 'Caucasus' });
  const tag = createTag(doc, actor, { name: 'Energy', colour: '#e57373' });
  const sizes: number[] = [];
  doc.on('update', (update: Uint8Array) => sizes.push(update.length));
  const measure = (fn: () => void): number => {
    sizes.length = 0;
    fn();
    return sizes.reduce((a, b) => a + b, 0);
  };
  const highlight = () =>
    addHighlight(doc, actor, {
      documentId: 'azerbaijan-strategic-pragmatism',
      documentHash: 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      position: { start: 12_345, end: 12_405 },
      quote: {
        exact: 'strategic balance between major global powers and neighbours',
        prefix: "Azerbaijan's foreign policy is c",
        suffix: '. This approach allows Azerbaija',
      },
    });
  return { doc, actor, tag, measure, highlight };
}

describe('update sizes', () => {
  it('a new highlight with a 60-character quote costs ≤ 300 bytes', () => {
    const { measure, highlight } = setup();
    highlight();
    const bytes = measure(highlight);
    console.info(`new highlight: ${bytes} B`);
    expect(bytes).toBeLessThanOrEqual(300);
  });

  it('applying or removing a tag costs ≤ 64 bytes', () => {
    const { doc, actor, tag, measure, highlight } = setup();
    const id = highlight();
    const apply = measure(() => applyTag(doc, actor, id, tag));
    const remove = measure(() => removeTag(doc, actor, id, tag));
    const reapply = measure(() => applyTag(doc, actor, id, tag));
    console.info(`tag toggle: apply ${apply} B, remove ${remove} B, re-apply ${reapply} B`);
    expect(Math.max(apply, remove, reapply)).toBeLessThanOrEqual(64);
    expect(apply).toBeGreaterThan(0);
  });

  it('a note keystroke costs ≤ 40 bytes; the once-a-minute edit stamp stays small', () => {
    const { doc, actor, measure, highlight } = setup();
    const note = addNote(doc, actor, highlight(), '');
    editNote(doc, actor, note, 0, 0, 'E');
    const keystrokes = [...'nergy corridor'].map((char, i) => measure(() => editNote(doc, actor, note, i + 1, 0, char)));
    const backspace = measure(() => editNote(doc, actor, note, 14, 1, ''));
    console.info(`note keystroke: max ${Math.max(...keystrokes)} B, backspace ${backspace} B`);
    expect(Math.max(...keystrokes, backspace)).toBeLessThanOrEqual(40);
    const later = { ...actor, now: () => 1_763_800_000_000 };
    const stamped = measure(() => editNote(doc, later, note, 0, 0, 'X'));
    console.info(`note keystroke that refreshes the updated-by/at stamp (once a minute): ${stamped} B`);
    expect(stamped).toBeLessThanOrEqual(100);
  });
});
