/**
 * Reading progress as a bar and a percentage (a native <progress> for assistive tech,
 * plus the number for sighted readers).
 */

/** Props of {@link ProgressBar}. */
export interface ProgressBarProps {
  /** 0..1 */
  readonly value: number;
  readonly label: string;
}

/** Whole percent, never showing 100 before the end is actually reached. */
export function formatPercent(value: number): string {
  const percent = value >= 1 ? 100 : Math.min(99, Math.floor(Math.max(0, value) * 100));
  return `${percent}%`;
}

/** A slim progress bar with its percentage. */
export function ProgressBar({ value, label }: ProgressBarProps) {
  const percent = formatPercent(value);
  return (
    <div className="progress">
      <progress className="progress__bar" max={1} value={Math.max(0, Math.min(1, value))} aria-label={label} />
      <span className="progress__value" data-testid="progress-value">{percent}</span>
    </div>
  );
}
