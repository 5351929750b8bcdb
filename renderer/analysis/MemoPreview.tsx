/**
 * A memo rendered for reading: the blocks of shared/text/memo-markup.ts built into React
 * elements — headings, paragraphs, lists, emphasis — and each link to a highlight as a
 * button that jumps to it. Nothing a person typed is ever inserted as HTML.
 */
import type { ReactNode } from 'react';
import { parseMemo, type MemoInline } from '#shared/text/memo-markup.ts';

/** Props of {@link MemoPreview}. */
export interface MemoPreviewProps {
  readonly text: string;
  /** Opens the highlight a link points at. */
  onOpenHighlight(highlightId: string): void;
}

function Inline({ runs, onOpenHighlight }: { runs: readonly MemoInline[]; onOpenHighlight(id: string): void }) {
  return (
    <>
      {runs.map((run, index) => {
        if (run.kind === 'emphasis') return <em key={index}>{run.text}</em>;
        if (run.kind === 'strong') return <strong key={index}>{run.text}</strong>;
        if (run.kind === 'link') {
          return (
            <button key={index} type="button" className="memo-link" data-testid="memo-link" data-highlight-id={run.highlightId} title="Go to this highlight" onClick={() => onOpenHighlight(run.highlightId)}>
              “{run.text}”
            </button>
          );
        }
        return <span key={index}>{run.text}</span>;
      })}
    </>
  );
}

function Heading({ level, children }: { level: number; children: ReactNode }) {
  // The panel's own heading is h2 and the memo's title h3: a memo's # is h4, ## and deeper h5/h6.
  const Tag = (['h4', 'h5', 'h6'] as const)[Math.min(level, 3) - 1] ?? 'h6';
  return <Tag className="memo-preview__heading">{children}</Tag>;
}

/** The rendered memo. */
export function MemoPreview({ text, onOpenHighlight }: MemoPreviewProps) {
  const blocks = parseMemo(text);
  if (blocks.length === 0) return <p className="panel-empty">Nothing written yet.</p>;
  return (
    <div className="memo-preview" data-testid="memo-preview">
      {blocks.map((block, index) => {
        if (block.kind === 'heading') return <Heading key={index} level={block.level}><Inline runs={block.content} onOpenHighlight={onOpenHighlight} /></Heading>;
        if (block.kind === 'paragraph') {
          return (
            <p key={index}>
              {block.lines.map((line, lineIndex) => (
                <span key={lineIndex}>{lineIndex > 0 && <br />}<Inline runs={line} onOpenHighlight={onOpenHighlight} /></span>
              ))}
            </p>
          );
        }
        const List = block.ordered ? 'ol' : 'ul';
        return <List key={index}>{block.items.map((item, itemIndex) => <li key={itemIndex}><Inline runs={item} onOpenHighlight={onOpenHighlight} /></li>)}</List>;
      })}
    </div>
  );
}
