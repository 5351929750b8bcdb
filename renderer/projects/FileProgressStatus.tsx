/**
 * How far reading a project file has come, on screen while it works: "Checking “f”…",
 * then "Merging “f”…" (or "Opening “f”…" when it becomes a project of its own) with a
 * progress bar (role="progressbar", aria-valuenow in percent).
 * It is not modal: the page stays usable while a large file is checked in the background
 * and merged a part at a time (file-flow.ts).
 */
import { useSyncExternalStore } from 'react';
import type { FileFlow } from './file-flow.ts';

/** The progress card (nothing while no file is being read). */
export function FileProgressStatus({ flow }: { readonly flow: Pick<FileFlow, 'subscribe' | 'getProgress'> }) {
  const progress = useSyncExternalStore(flow.subscribe, flow.getProgress);
  if (progress === null) return null;
  const percent = progress.stage === 'checking' ? undefined : Math.floor((100 * progress.applied) / Math.max(1, progress.total));
  const verb = progress.stage === 'checking' ? 'Checking' : progress.stage === 'opening' ? 'Opening' : 'Merging';
  const label = percent === undefined ? `${verb} “${progress.fileName}”…` : `${verb} “${progress.fileName}”… ${percent}%`;
  return (
    <div className="file-progress" role="status" data-testid="file-progress">
      <span className="file-progress__label">{label}</span>
      <div
        className="file-progress__bar"
        role="progressbar"
        aria-label={`${verb} the file`}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent === undefined ? {} : { 'aria-valuenow': percent })}
      >
        <div className="file-progress__fill" style={{ width: percent === undefined ? undefined : `${percent}%` }} data-indeterminate={percent === undefined} />
      </div>
    </div>
  );
}
