/**
 * An added document's menu: a "⋯" button on its card (named "Document actions for …")
 * opening Edit details…, Replace with a new version… and Move to trash. Keyboard: Enter,
 * Space or ↓ open it on the first item; ↑/↓, Home/End move; Enter runs; Escape closes and
 * gives focus back to the button; a click outside closes it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** One entry of the menu. */
export interface DocumentMenuItem {
  readonly label: string;
  run(): void;
}

/** Props of {@link DocumentMenu}. */
export interface DocumentMenuProps {
  readonly title: string;
  readonly items: readonly DocumentMenuItem[];
}

/** The "⋯" button with its menu. */
export function DocumentMenu({ title, items }: DocumentMenuProps) {
  const [active, setActive] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (active !== null) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);
  useEffect(() => {
    if (active === null) return undefined;
    const onPointer = (event: PointerEvent): void => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setActive(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [active]);

  const close = (refocus: boolean): void => {
    setActive(null);
    if (refocus) button.current?.focus();
  };
  const run = (item: DocumentMenuItem): void => {
    close(true);
    item.run();
  };
  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };
  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (active === null) return;
    const last = items.length - 1;
    const moves: Record<string, number> = { ArrowDown: active === last ? 0 : active + 1, ArrowUp: active === 0 ? last : active - 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      setActive(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="document-menu">
      <button
        ref={button}
        type="button"
        className="button button--quiet document-menu__button"
        aria-haspopup="menu"
        aria-expanded={active !== null}
        aria-label={`Document actions for ${title}`}
        onClick={() => (active === null ? setActive(0) : close(false))}
        onKeyDown={onButtonKey}
      >⋯</button>
      {active !== null && (
        <ul ref={menu} className="document-menu__list" role="menu" aria-label={`Actions for ${title}`} onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li key={item.label} role="none">
              <button type="button" role="menuitem" tabIndex={index === active ? 0 : -1} className="document-menu__item" onClick={() => run(item)}>{item.label}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
