/**
 * The banners across the top about the workspace itself, outside any screen: the project is
 * still opening from local storage (with how far it has come), or local storage is unusable or a write failed (then
 * work is not being kept, and the person must know).
 */
import type { WorkspaceSnapshot } from '../store/ui-state.ts';

/** Props of {@link WorkspaceBanners}. */
export interface WorkspaceBannersProps {
  readonly snapshot: WorkspaceSnapshot;
}

/** The opening and storage banners (nothing when neither applies). */
export function WorkspaceBanners({ snapshot }: WorkspaceBannersProps) {
  const { storage } = snapshot;
  return (
    <>
      {snapshot.member !== null && !snapshot.loaded && (
        <div className="app-banner" role="status" data-testid="opening-banner">
          Opening your project… {snapshot.loadPercent} %{' '}
          <progress className="app-banner__progress" max={100} value={snapshot.loadPercent} aria-label="Opening your project" />
        </div>
      )}
      {(storage.kind === 'unavailable' || storage.kind === 'write-failed') && (
        <div className="app-banner app-banner--error" role="alert" data-testid="storage-banner">{storage.message}</div>
      )}
    </>
  );
}
