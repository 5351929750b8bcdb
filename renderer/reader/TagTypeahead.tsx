/**
 * The tag type-ahead: a text field over the codebook that behaves as an ARIA combobox
 * (WAI-ARIA "combobox with listbox popup", the list's focus kept on the field through
 * aria-activedescendant). It knows nothing of highlights or the model: it gets the live
 * tags and reports a choice through callbacks, so the selection toolbar and a highlight's
 * popover can both use it.
 *
 * Keys: ArrowDown/ArrowUp move through the suggestions (wrapping at both ends), Enter does
 * what the submit button says — apply the highlighted tag, else the tag the typed name
 * spells exactly (case, accents and Turkish i folded), else create a tag with that name —
 * Tab completes the field to the highlighted (or first) suggestion without applying it,
 * Escape closes the list and a second Escape cancels. A click on a suggestion applies it.
 * The list floats below the field, so the toolbar around the field never changes size while
 * typing; a host that sits above what it annotates sets data-popup-side="above" on an
 * ancestor (tag-typeahead.css) to open the list upwards, away from it.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { exactTag, suggestTags, type TagOption } from './tag-suggestions.ts';
import './tag-typeahead.css';

export type { TagOption } from './tag-suggestions.ts';

/** What the type-ahead needs from its host. */
export interface TagTypeaheadProps {
  /** The live codebook tags to suggest from. */
  readonly tags: readonly TagOption[];
  /** An existing tag was chosen. */
  readonly onApply: (tag: TagOption) => void;
  /** A name that spells no existing tag was submitted (trimmed, never blank). */
  readonly onCreate: (name: string) => void;
  /** Escape with the list closed: the host closes the type-ahead. */
  readonly onCancel: () => void;
  /** Accessible name of the field (also its placeholder). */
  readonly label?: string;
}

/** What Enter (and the submit button) would do now. */
type Outcome = { readonly kind: 'apply'; readonly tag: TagOption } | { readonly kind: 'create'; readonly name: string } | null;

/** The element id of `tag`'s option in the list `listId`. */
function optionIdOf(listId: string, tag: TagOption): string {
  return `${listId}-option-${tag.id}`;
}

/** The button's text for `outcome`: it names the tag it applies or creates. */
function outcomeLabel(outcome: Outcome): string {
  if (outcome === null) return 'Apply tag';
  return outcome.kind === 'apply' ? `Apply “${outcome.tag.name}”` : `Create “${outcome.name}”`;
}

/** The tag type-ahead (takes the focus when it mounts). */
export function TagTypeahead({ tags, onApply, onCreate, onCancel, label = 'Tag name' }: TagTypeaheadProps) {
  const [typed, setTyped] = useState('');
  const [listOpen, setListOpen] = useState(true);
  const [activeIndex, setActiveIndex] = useState(-1);
  const list = useRef<HTMLUListElement>(null);
  const listId = useId();

  const suggestions = useMemo(() => suggestTags(tags, typed), [tags, typed]);
  const expanded = listOpen && suggestions.length > 0;
  // The codebook may change under the list (a teammate's edit): an index past its end highlights nothing.
  const active = expanded && activeIndex < suggestions.length ? activeIndex : -1;
  const highlighted = active >= 0 ? suggestions[active] ?? null : null;
  const outcome: Outcome = useMemo(() => {
    if (highlighted !== null) return { kind: 'apply', tag: highlighted };
    const exact = exactTag(tags, typed);
    if (exact !== null) return { kind: 'apply', tag: exact };
    const name = typed.trim();
    return name === '' ? null : { kind: 'create', name };
  }, [highlighted, tags, typed]);

  // Keep the highlighted option in view inside the list (scrolling the list only, not the reader).
  useEffect(() => {
    const popup = list.current;
    const option = highlighted === null ? null : document.getElementById(optionIdOf(listId, highlighted));
    if (popup === null || option === null) return;
    if (option.offsetTop < popup.scrollTop) popup.scrollTop = option.offsetTop;
    else if (option.offsetTop + option.offsetHeight > popup.scrollTop + popup.clientHeight) popup.scrollTop = option.offsetTop + option.offsetHeight - popup.clientHeight;
  }, [highlighted, listId]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (outcome === null) return;
    if (outcome.kind === 'apply') onApply(outcome.tag);
    else onCreate(outcome.name);
  };

  const move = (step: 1 | -1): void => {
    const count = suggestions.length;
    if (count === 0) return;
    setListOpen(true);
    if (active < 0) setActiveIndex(step === 1 ? 0 : count - 1);
    else setActiveIndex((active + step + count) % count);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const target = highlighted ?? (expanded ? suggestions[0] ?? null : null);
      // Completing to what is already there would trap the focus: then Tab moves on as usual.
      if (target === null || target.name === typed) return;
      event.preventDefault();
      setTyped(target.name);
      setActiveIndex(-1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (expanded) {
        setListOpen(false);
        setActiveIndex(-1);
      } else {
        onCancel();
      }
    }
  };

  const buttonLabel = outcomeLabel(outcome);
  return (
    <form className="tag-typeahead" onSubmit={submit}>
      <input
        className="tag-typeahead__input"
        autoFocus
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={highlighted === null ? undefined : optionIdOf(listId, highlighted)}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        placeholder={label}
        data-testid="toolbar-tag-input"
        onChange={(event) => {
          setTyped(event.target.value);
          setListOpen(true);
          setActiveIndex(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary tag-typeahead__submit" disabled={outcome === null} title={buttonLabel}>
        {buttonLabel}
      </button>
      <ul
        id={listId}
        ref={list}
        className="tag-typeahead__list"
        role="listbox"
        aria-label="Matching tags"
        hidden={!expanded}
        // Clicking an option must not take the focus from the field.
        onMouseDown={(event) => event.preventDefault()}
      >
        {expanded && suggestions.map((tag, index) => (
          <li
            key={tag.id}
            id={optionIdOf(listId, tag)}
            role="option"
            aria-selected={index === active}
            className={`tag-typeahead__option${index === active ? ' tag-typeahead__option--active' : ''}`}
            onClick={() => onApply(tag)}
          >
            <span className={`tag-swatch tag-swatch-${tag.id}`} aria-hidden="true" />
            <span className="tag-typeahead__name" title={tag.name}>{tag.name}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
