/**
 * The colour choice in a highlight's popover: "Code colour" (the highlight takes its first
 * code's colour, the default) or one of the named palette colours, as Zotero and Hypothesis
 * offer. Toggle buttons, each saying its name (a swatch with a tooltip and an accessible
 * name), the current choice pressed; one click writes the choice to the model through the
 * local actor, so it is one undo step.
 */
import type { HighlightId } from '#shared/model/ids.ts';
import { setHighlightColour } from '#shared/model/highlight-colour.ts';
import { HIGHLIGHT_COLOURS, namedColour } from '../store/highlight-colours.ts';
import type { AnnotationWorkspace } from './workspace.ts';

/** Props of {@link HighlightColourChoice}. */
export interface HighlightColourChoiceProps {
  readonly workspace: AnnotationWorkspace;
  readonly highlight: HighlightId;
  /** The colour chosen for the highlight, or null for its code's colour. */
  readonly chosen: string | null;
}

/** "Code colour" and the named palette colours, the highlight's current one pressed. */
export function HighlightColourChoice({ workspace, highlight, chosen }: HighlightColourChoiceProps) {
  const current = namedColour(chosen)?.colour ?? null;
  const choose = (colour: string | null): void => {
    setHighlightColour(workspace.session.doc, workspace.actor(), highlight, colour);
  };
  return (
    <div className="highlight-popover__colours" role="group" aria-label="Highlight colour">
      <button type="button" className="button button--quiet" aria-pressed={current === null} onClick={() => choose(null)}>Code colour</button>
      {HIGHLIGHT_COLOURS.map(({ name, colour }) => (
        <button
          key={colour}
          type="button"
          className="highlight-popover__colour"
          aria-label={name}
          title={name}
          aria-pressed={current === colour}
          onClick={() => choose(colour)}
        ><span className={`tag-swatch colour-swatch-${colour.slice(1)}`} aria-hidden="true" /></button>
      ))}
    </div>
  );
}
