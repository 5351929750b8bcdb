/**
 * The view filter's control in the status bar: "Showing: everyone ▾" opens a menu
 * (Everyone / Only mine / each teammate) and, while the view is filtered, a marker beside it
 * says so and how many highlights of the open article it hides ("Showing only your
 * highlights — 12 of the team's hidden here"), so nobody codes "blind" without knowing.
 *
 * The menu follows the WAI-ARIA menu button pattern: Enter, Space or ↓/↑ open it on the
 * chosen entry, ↑/↓/Home/End move, Enter or Space choose, Escape closes and gives focus back
 * to the button, Tab closes. It opens upward from the status bar, positioned fixed (the
 * status bar clips what overflows it).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { sameViewFilter, type ViewFilter } from '#shared/analysis/view-filter.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { displayMembers } from '../panels/people.ts';
import { useDocVersion, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import './view-filter.css';

interface Choice {
  readonly label: string;
  readonly filter: ViewFilter;
}

/** The menu's entries: everyone, mine, then each teammate by name. */
function useChoices(workspace: AnnotationWorkspace, me: MemberId | null): readonly Choice[] {
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  return useMemo(() => [
    { label: 'Everyone', filter: { show: 'everyone' } },
    { label: 'Only mine', filter: { show: 'mine' } },
    ...displayMembers(doc)
      .filter((member) => member.id !== me)
      .map((member): Choice => ({ label: member.name, filter: { show: 'member', member: member.id } })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  ], [doc, version, me]);
}

/** How many highlights of the open article the filter hides (follows the reader's bridge). */
function useHiddenCount(workspace: AnnotationWorkspace, documentId: string | null, filter: ViewFilter): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const reader = workspace.reader();
    if (reader === null) {
      setCount(0);
      return undefined;
    }
    const update = (): void => setCount(reader.highlights.hiddenCount());
    update();
    return reader.highlights.subscribe(update);
  }, [workspace, documentId, filter]);
  return count;
}

/** The words for what is shown: "everyone", "only mine", or the person's name. */
export function describeViewFilter(filter: ViewFilter, nameOf: (id: MemberId) => string): string {
  if (filter.show === 'everyone') return 'everyone';
  if (filter.show === 'mine') return 'only mine';
  return nameOf(filter.member);
}

/** The control and, when filtered, its marker. */
export function ViewFilterMenu({ workspace }: { readonly workspace: AnnotationWorkspace }) {
  const { viewFilter, member, readerDocumentId } = useWorkspaceSnapshot(workspace);
  const choices = useChoices(workspace, member?.id ?? null);
  const hidden = useHiddenCount(workspace, readerDocumentId, viewFilter);
  const [open, setOpen] = useState<{ left: number; active: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  const chosen = Math.max(0, choices.findIndex((choice) => sameViewFilter(choice.filter, viewFilter)));
  const nameOf = (id: MemberId): string => choices.find((choice) => choice.filter.show === 'member' && choice.filter.member === id)?.label ?? 'someone';
  const shown = describeViewFilter(viewFilter, nameOf);

  useEffect(() => {
    if (open !== null) menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]')[open.active]?.focus();
  }, [open]);
  useEffect(() => {
    if (open === null) return undefined;
    const onPointer = (event: PointerEvent): void => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const openMenu = (active: number): void => setOpen({ left: button.current?.getBoundingClientRect().left ?? 0, active });
  const close = (refocus: boolean): void => {
    setOpen(null);
    if (refocus) button.current?.focus();
  };
  const choose = (choice: Choice): void => {
    workspace.setViewFilter(choice.filter);
    close(true);
  };
  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(chosen);
    }
  };
  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (open === null) return;
    const last = choices.length - 1;
    const moves: Record<string, number> = { ArrowDown: open.active + 1 > last ? 0 : open.active + 1, ArrowUp: open.active - 1 < 0 ? last : open.active - 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      setOpen({ ...open, active: target });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <span className="view-filter">
      <button
        ref={button}
        type="button"
        className="view-filter__button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        data-testid="view-filter"
        onClick={() => (open === null ? openMenu(chosen) : close(false))}
        onKeyDown={onButtonKey}
      >
        Showing: {shown} <span aria-hidden="true">▾</span>
      </button>
      {viewFilter.show !== 'everyone' && (
        <span className="view-filter__marker" role="status" data-testid="view-filter-marker">
          Showing only {viewFilter.show === 'mine' ? 'your' : `${shown}’s`} highlights — {hidden} of the team’s hidden here
        </span>
      )}
      {open !== null && (
        <ul ref={menu} className="view-filter__menu" role="menu" aria-label="Show highlights of" style={{ left: open.left }} onKeyDown={onMenuKey}>
          {choices.map((choice, index) => (
            <li
              key={choice.filter.show === 'member' ? choice.filter.member : choice.filter.show}
              role="menuitemradio"
              aria-checked={index === chosen}
              tabIndex={index === open.active ? 0 : -1}
              className="view-filter__item"
              onClick={() => choose(choice)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  choose(choice);
                }
              }}
            >
              {choice.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
