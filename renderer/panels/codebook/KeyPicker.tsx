/**
 * The number key of a codebook row: its key cap, which is also the button that opens the
 * key picker, and the picker itself (No key, 1–9) under the row.
 *
 * Plain buttons rather than a <select>: a select changes its value on every arrow press,
 * and each change here moves a key between tags, so stepping through it would strip keys
 * from every tag on the way. The picker's buttons take focus on opening (the current
 * choice), arrows move between them, Escape closes it and gives focus back to the cap.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { TagId } from '#shared/model/ids.ts';
import { NUMBER_KEYS, type TagKeyConflict } from '#shared/model/tag-keys.ts';

/** Props of {@link KeyCapButton}. */
export interface KeyCapButtonProps {
  readonly tagName: string;
  /** The tag's number key, if it has one. */
  readonly keyNumber: number | undefined;
  readonly open: boolean;
  readonly pickerId: string;
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  onToggle(): void;
}

/** The key cap of a row (a dash when the tag has no key); pressing it opens the picker. */
export function KeyCapButton({ tagName, keyNumber, open, pickerId, buttonRef, onToggle }: KeyCapButtonProps) {
  const what = keyNumber === undefined ? 'no key' : `key ${keyNumber}`;
  return (
    <button
      ref={buttonRef}
      type="button"
      className="key-cap-button"
      aria-label={`Number key for ${tagName}: ${what}`}
      aria-expanded={open}
      aria-controls={open ? pickerId : undefined}
      title={keyNumber === undefined ? 'No number key: choose one' : `Press ${keyNumber} to apply this tag to the selection or focused highlight; click to change the key`}
      onClick={onToggle}
    >
      {keyNumber === undefined ? <span className="codebook__no-key" aria-hidden="true">–</span> : <kbd className="codebook__key" aria-hidden="true">{keyNumber}</kbd>}
    </button>
  );
}

/** Props of {@link KeyPicker}. */
export interface KeyPickerProps {
  readonly id: string;
  readonly tagId: TagId;
  readonly tagName: string;
  readonly keyNumber: number | undefined;
  /** The live tag holding each key. */
  readonly holderOf: (key: number) => { readonly id: TagId; readonly name: string } | undefined;
  /** Chooses a key (null: no key); the caller closes the picker. */
  onChoose(key: number | null): void;
  /** Closes the picker without a change. */
  onCancel(): void;
}

function choiceLabel(key: number, holder: { id: TagId; name: string } | undefined, self: TagId): string {
  return holder === undefined || holder.id === self ? `Key ${key}` : `Key ${key}, now ${holder.name}’s`;
}

/** The picker under a row: No key, then 1–9; a key another tag holds says whose it is. */
export function KeyPicker({ id, tagId, tagName, keyNumber, holderOf, onChoose, onCancel }: KeyPickerProps) {
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    group.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(group.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const move: Record<string, number> = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key in move) {
      event.preventDefault();
      const target = Math.min(Math.max(move[event.key] as number, 0), buttons.length - 1);
      buttons[target]?.focus();
    }
  };
  return (
    <div id={id} ref={group} role="group" aria-label={`Number key for ${tagName}`} className="key-picker" onKeyDown={onKeyDown} data-testid="key-picker">
      <span className="key-picker__label" aria-hidden="true">Key:</span>
      <button type="button" className="key-picker__choice key-picker__choice--none" aria-pressed={keyNumber === undefined} onClick={() => onChoose(null)}>
        No key
      </button>
      {NUMBER_KEYS.map((key) => {
        const holder = holderOf(key);
        const label = choiceLabel(key, holder, tagId);
        return (
          <button
            key={key}
            type="button"
            className={`key-picker__choice${holder !== undefined && holder.id !== tagId ? ' key-picker__choice--taken' : ''}`}
            aria-pressed={keyNumber === key}
            aria-label={label}
            title={holder === undefined || holder.id === tagId ? undefined : `${label}: choosing it leaves ${holder.name} without a key`}
            onClick={() => onChoose(key)}
          >
            {key}
          </button>
        );
      })}
    </div>
  );
}

/** A chosen key that went to another tag, chosen for it first (a teammate's edit merged in). */
export function KeyConflictNote({ conflict, holderName }: { readonly conflict: TagKeyConflict; readonly holderName: string }) {
  return (
    <span className="codebook__key-conflict" data-testid="key-conflict">
      Key {conflict.key} is {holderName}’s: it was chosen for {holderName} first. Choose another key for this tag.
    </span>
  );
}
