/**
 * One project in the switcher's list: its name, what it is (personal, team, from a file),
 * members, counts and last change — all from the cached summary, so no database opens —
 * and what can be done with it here (open it, remove it to the trash; in the trash,
 * restore it or delete it for good after a confirmation in the row itself).
 */
import { useState } from 'react';
import type { ProjectEntry } from '../store/project-registry.ts';
import { displayName } from './projects-context.ts';
import { countWords } from '#shared/text/count-words.ts';

const ORIGIN_LABELS: Record<ProjectEntry['origin'], string> = {
  personal: 'Personal',
  team: 'Team',
  created: 'Created here',
  file: 'Opened from a file',
};

/** "2 Dec 2026, 07:14", or "no changes yet". */
// One formatter for every row and render: `toLocaleString` builds a new one per call (~1 ms).
const lastChangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function lastChange(at: number | null): string {
  if (at === null) return 'no changes yet';
  return lastChangeFormat.format(at);
}

/** Props of {@link ProjectRow}. */
export interface ProjectRowProps {
  readonly entry: ProjectEntry;
  readonly active: boolean;
  readonly busy: boolean;
  onOpen(): void;
  onRemove(): void;
  onRestore(): void;
  onDelete(): void;
}

/** The row. */
export function ProjectRow({ entry, active, busy, onOpen, onRemove, onRestore, onDelete }: ProjectRowProps) {
  const [confirming, setConfirming] = useState(false);
  const { summary } = entry;
  const name = displayName(summary.name, entry.origin);
  const trashed = entry.trashedAt !== null;
  return (
    <li className={`project-row${active ? ' project-row--active' : ''}`} data-testid="project-row" data-project-name={name}>
      <div className="project-row__main">
        <span className="project-row__name">{name}</span>
        <span className="project-row__origin">{active ? 'Open now · ' : ''}{ORIGIN_LABELS[entry.origin]}</span>
        <span className="project-row__facts" data-testid="project-facts">
          {countWords(summary.highlights, 'highlight')} · {countWords(summary.codes, 'code')} · {countWords(summary.notes - summary.replies, 'note')}
          {summary.replies > 0 && ` · ${countWords(summary.replies, 'reply', 'replies')}`}
        </span>
        <span className="project-row__facts">
          {summary.members.length === 0 ? 'No members yet' : summary.members.join(', ')} · last change {lastChange(summary.lastChange)}
        </span>
      </div>
      <div className="project-row__actions">
        {!trashed && !active && <button type="button" className="button" disabled={busy} onClick={onOpen} aria-label={`Open ${name}`}>Open</button>}
        {!trashed && !active && entry.origin !== 'personal' && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={onRemove} aria-label={`Remove ${name}`}>Remove</button>
        )}
        {trashed && !confirming && (
          <>
            <button type="button" className="button" disabled={busy} onClick={onRestore} aria-label={`Restore ${name}`}>Restore</button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setConfirming(true)} aria-label={`Delete ${name} for good`}>Delete…</button>
          </>
        )}
        {trashed && confirming && (
          <span className="project-row__confirm" role="group" aria-label={`Delete ${name}`}>
            <span>Delete “{name}” and its data on this computer for good?</span>
            <button type="button" className="button button--danger" disabled={busy} onClick={onDelete}>Delete for good</button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>Keep</button>
          </span>
        )}
      </div>
    </li>
  );
}
