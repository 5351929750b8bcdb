/**
 * Applying what the tag type-ahead chose: a tag already on the highlight (directly or
 * through a merged tag) is not applied again, and a new name becomes a coloured tag.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight } from '#shared/model/highlights.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { createProject } from '#shared/model/project.ts';
import { getHighlight } from '#shared/model/queries.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { createTag, mergeTag } from '#shared/model/tags.ts';
import { addTagOnce, createNamedTag } from '../../../renderer/annotations/tag-choice.ts';

const QUOTE = { exact: 'text', prefix: '', suffix: '' };

/** A project with one untagged highlight, written by Ana. */
function project() {
  const doc = new Y.Doc();
  const actor = { member: 'ana' as MemberId };
  createProject(doc, actor, { name: 'P' });
  const highlight = addHighlight(doc, actor, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: QUOTE });
  return { doc, actor, highlight };
}

describe('addTagOnce', () => {
  it('applies a tag the highlight lacks, and writes nothing when it already carries it', () => {
    const { doc, actor, highlight } = project();
    const tag = createTag(doc, actor, { name: 'Energy' });
    expect(addTagOnce(doc, actor, highlight, tag)).toBe(true);
    let updates = 0;
    doc.on('update', () => { updates += 1; });
    expect(addTagOnce(doc, actor, highlight, tag)).toBe(false);
    expect(updates).toBe(0);
    expect(getHighlight(doc, highlight)?.tags.map((applied) => applied.tag.name)).toEqual(['Energy']);
  });

  it('counts a tag merged into the chosen one as already carried', () => {
    const { doc, actor, highlight } = project();
    const oil = createTag(doc, actor, { name: 'Oil' });
    const energy = createTag(doc, actor, { name: 'Energy' });
    addTagOnce(doc, actor, highlight, oil);
    mergeTag(doc, actor, oil, energy);
    expect(addTagOnce(doc, actor, highlight, energy)).toBe(false);
    expect(getHighlight(doc, highlight)?.tags.map((applied) => applied.tag.name)).toEqual(['Energy']);
  });

  it('refuses an unknown highlight with a clear error', () => {
    const { doc, actor } = project();
    const tag = createTag(doc, actor, { name: 'Energy' });
    expect(() => addTagOnce(doc, actor, 'nope' as never, tag)).toThrow(/unknown highlight/);
  });
});

describe('createNamedTag', () => {
  it('creates a tag with the trimmed name and a palette colour', () => {
    const { doc, actor } = project();
    const id = createNamedTag(doc, actor, '  Energy routes ');
    const tag = buildTagIndex(doc).tags.get(id);
    expect(tag?.name).toBe('Energy routes');
    expect(tag?.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('refuses a blank name', () => {
    const { doc, actor } = project();
    expect(() => createNamedTag(doc, actor, '   ')).toThrow('a tag needs a name');
  });
});
