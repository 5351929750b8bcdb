/**
 * The sync indicator in the top bar: always visible, one short label (offline,
 * connecting, synced, "N changes not yet on the server", "Token refused: …") with a dot
 * coloured by phase, and a tooltip saying when it last synced and why it is not
 * connected. Clicking it opens Team settings.
 */
import { describeSyncStatus } from '../sync/sync-status.ts';
import type { TeamController } from '../sync/team-controller.ts';
import { useNow, useSyncStatus } from './team-context.ts';

/** Props of {@link SyncIndicator}. */
export interface SyncIndicatorProps {
  readonly controller: TeamController;
  readonly onOpenSettings: () => void;
}

/** The indicator. */
export function SyncIndicator({ controller, onOpenSettings }: SyncIndicatorProps) {
  const status = useSyncStatus(controller);
  const now = useNow();
  const { label, tooltip } = describeSyncStatus(status, now);
  return (
    <button
      type="button"
      className={`sync-indicator sync-indicator--${status.phase}`}
      data-testid="sync-indicator"
      data-phase={status.phase}
      title={`${tooltip}\nClick to open Team settings.`}
      aria-label={`Sync: ${label}. ${tooltip.replace(/\n/g, ' ')} Opens Team settings.`}
      aria-haspopup="dialog"
      onClick={onOpenSettings}
    >
      <span className="sync-indicator__dot" aria-hidden="true" />
      <span className="sync-indicator__label" aria-live="polite">{label}</span>
    </button>
  );
}
