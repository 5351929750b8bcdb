/**
 * The article's title block: author and publisher exactly as the source states them, and
 * the title — unless the article text already opens with it as its own level-1 heading
 * (the text is verbatim, so the title is not repeated). A title the source did not state
 * is shown with a "[title supplied]" mark.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { DocumentMeta } from '#shared/documents/manifest.ts';
import { SuppliedTitleMark } from '../ui/SuppliedTitleMark.tsx';

/** Props of {@link TitleBlock}. */
export interface TitleBlockProps {
  readonly meta: DocumentMeta;
  readonly doc: ProseMirrorNode;
}

/** True when the document contains a level-1 heading whose text is the title. */
export function documentStatesTitle(doc: ProseMirrorNode, title: string): boolean {
  let found = false;
  doc.forEach((node) => {
    if (!found && node.type.name === 'heading' && node.attrs.level === 1 && node.textContent.trim() === title.trim()) found = true;
  });
  return found;
}

/** Title (when not in the text), author and publisher above the article text. */
export function TitleBlock({ meta, doc }: TitleBlockProps) {
  const showTitle = meta.titleSupplied || !documentStatesTitle(doc, meta.title);
  return (
    <header className="title-block">
      <p className="title-block__byline">
        <span className="title-block__author">{meta.author ?? 'Unknown author'}</span>
        <span className="title-block__separator" aria-hidden="true"> · </span>
        <span className="title-block__publisher">{meta.publisher ?? 'Unknown publisher'}</span>
      </p>
      {showTitle && (
        <h1 className="title-block__title">
          {meta.title}
          {meta.titleSupplied && <> <SuppliedTitleMark /></>}
        </h1>
      )}
    </header>
  );
}
