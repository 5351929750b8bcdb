/**
 * A long list that renders only the rows in and near view (`@tanstack/react-virtual`), with
 * each row's real height measured as it renders (rows wrap to any number of lines). It stays
 * a list for assistive technology: an `<ol>` whose rendered `<li>` rows carry
 * `aria-setsize` (all rows) and `aria-posinset` (this row's place).
 *
 * Keyboard: inside a row, ↓ / ↑ move to the next / previous row's first control, Home / End
 * to the first / last row, scrolling it into view. The row holding focus is always rendered
 * (focus survives scrolling it out of view with the wheel), and a row moved to is rendered
 * before it is scrolled to, so focus never falls back to the page.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly keyOf: (item: T) => string;
  /** The content of one row's `<li>`. */
  readonly renderItem: (item: T, index: number) => ReactNode;
  /** A typical row's height (px) before it is measured. */
  readonly estimateSize: number;
  /** Accessible name of the list. */
  readonly label: string;
  /** Class of the scrolling element (which the panel's layout sizes). */
  readonly className?: string;
  /** Extra attributes per row (e.g. test ids). */
  readonly rowProps?: (item: T, index: number) => Record<string, string | undefined>;
}

const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** The list. */
export function VirtualList<T>({ items, keyOf, renderItem, estimateSize, label, className, rowProps }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const [moveTo, setMoveTo] = useState<number | null>(null);
  const keep = useRef<{ focused: number | null; moveTo: number | null }>({ focused: null, moveTo: null });
  keep.current = { focused: focused !== null && focused < items.length ? focused : null, moveTo };

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateSize,
    getItemKey: (index) => (index < items.length ? keyOf(items[index] as T) : `#${index}`),
    overscan: 4,
    initialRect: { width: 400, height: 800 },
    rangeExtractor: (range: Range) => {
      const indexes = new Set(defaultRangeExtractor(range));
      for (const extra of [keep.current.focused, keep.current.moveTo]) if (extra !== null && extra < range.count) indexes.add(extra);
      return [...indexes].sort((a, b) => a - b);
    },
  });

  useEffect(() => {
    if (moveTo === null) return;
    const control = scroller.current?.querySelector<HTMLElement>(`li[data-index="${moveTo}"]`)?.querySelector<HTMLElement>(FOCUSABLE);
    if (control === null || control === undefined) return;
    control.focus({ preventScroll: true });
    virtualizer.scrollToIndex(moveTo, { align: 'auto' });
    setMoveTo(null);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (focused === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const last = items.length - 1;
    const target = { ArrowDown: Math.min(last, focused + 1), ArrowUp: Math.max(0, focused - 1), Home: 0, End: last }[event.key];
    if (target === undefined || target < 0) return;
    event.preventDefault();
    setMoveTo(target);
  };

  const rows = virtualizer.getVirtualItems();
  return (
    <div ref={scroller} className={`virtual-list ${className ?? ''}`} onKeyDown={onKeyDown}>
      <ol className="virtual-list__rows" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          if (row.index >= items.length) return null;
          const item = items[row.index] as T;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              className="virtual-list__row"
              style={{ transform: `translateY(${row.start}px)` }}
              onFocus={() => setFocused(row.index)}
              onBlur={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused((current) => (current === row.index ? null : current));
              }}
              {...rowProps?.(item, row.index)}
            >
              {renderItem(item, row.index)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
