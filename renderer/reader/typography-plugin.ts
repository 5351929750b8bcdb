/**
 * Presentation-only classes the schema does not carry: the list right after a
 * "References" / "Bibliography" / "Sources" / "Works cited" heading is styled as a
 * reference list (hanging indent, no bullets). Node decorations computed once per article;
 * the document itself is untouched.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** Key of the typography plugin. */
export const typographyPluginKey = new PluginKey<DecorationSet>('marginalia-typography');

const REFERENCE_HEADING = /^(references|bibliography|sources|works cited|literature)\s*:?$/i;

/** Node decorations marking reference lists in `doc`. */
export function referenceListDecorations(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  let afterReferencesHeading = false;
  doc.forEach((node, offset) => {
    if (node.type.name === 'heading') {
      afterReferencesHeading = REFERENCE_HEADING.test(node.textContent.trim());
      return;
    }
    if (afterReferencesHeading && node.type.name === 'bullet_list') {
      decorations.push(Decoration.node(offset, offset + node.nodeSize, { class: 'references' }));
    }
    afterReferencesHeading = false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Plugin providing the reference-list decorations (the document never changes). */
export function createTypographyPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: typographyPluginKey,
    state: {
      init: (_config, state) => referenceListDecorations(state.doc),
      apply: (tr, set) => (tr.docChanged ? set.map(tr.mapping, tr.doc) : set),
    },
    props: { decorations: (state) => typographyPluginKey.getState(state) },
  });
}
