import { describe, expect, it } from 'vitest';
import { referenceListDecorations } from '../../../renderer/reader/typography-plugin.ts';
import { bundledArticle } from './support.ts';

describe('reference lists', () => {
  it('marks the list after a References heading, and only that list', () => {
    const article = bundledArticle('azerbaijan-us-russia-dynamics');
    const decorations = referenceListDecorations(article.doc).find();
    expect(decorations).toHaveLength(1);
    const list = article.doc.nodeAt(decorations[0]!.from);
    expect(list?.type.name).toBe('bullet_list');
    expect(list?.firstChild?.textContent).toMatch(/^Abbasova/);
  });

  it('marks nothing in an article without references', () => {
    expect(referenceListDecorations(bundledArticle('azerbaijan-back-to-normalcy').doc).find()).toHaveLength(0);
  });
});
