/**
 * The workspace's current notice (a merge result, a refused file, a failed save) as the
 * toast in the corner (ui/NoticeToast.tsx), dismissed back into the workspace. Success
 * notices dismiss themselves; errors stay until the person dismisses them.
 */
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { Notice } from '../store/ui-state.ts';
import { NoticeToast } from '../ui/NoticeToast.tsx';

/** Props of {@link NoticeHost}. */
export interface NoticeHostProps {
  readonly workspace: AnnotationWorkspace;
  readonly notice: Notice | null;
  /** True while a side panel takes the right-hand column (the notice sits left of it). */
  readonly besidePanel: boolean;
}

/** The notice toast, or nothing. */
export function NoticeHost({ workspace, notice, besidePanel }: NoticeHostProps) {
  if (notice === null) return null;
  return <NoticeToast notice={notice} besidePanel={besidePanel} onDismiss={() => workspace.notify(null)} />;
}
