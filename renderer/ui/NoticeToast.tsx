/**
 * A notice ("Merged “x” into this project.", "Project saved…", a refused file) shown at the
 * bottom right, above the status bar and left of an open side panel, where it covers
 * neither the top bar nor the article's title. Success notices dismiss themselves after
 * {@link NOTICE_AUTO_DISMISS_MS} — the timer waits while the pointer or keyboard focus is
 * on the notice, so nobody loses it mid-read — and errors stay until dismissed.
 */
import { useEffect, useRef, useState } from 'react';

/**
 * What a toast shows. Declared here, not imported from the workspace, so this generic piece
 * depends on no feature folder; the workspace's notices have this shape.
 */
export interface ToastNotice {
  readonly kind: 'info' | 'error';
  readonly text: string;
  /** A button beside the text that reverses what the notice reports (e.g. "Undo"). */
  readonly action?: { readonly label: string; run(): void };
}

/** How long a success notice stays before it dismisses itself. */
export const NOTICE_AUTO_DISMISS_MS = 6000;

/** Props of {@link NoticeToast}. */
export interface NoticeToastProps {
  readonly notice: ToastNotice;
  /** True while a side panel takes the right-hand column: the notice sits left of it. */
  readonly besidePanel: boolean;
  readonly onDismiss: () => void;
}

/** The notice: `role="status"` for success, `role="alert"` for errors. */
export function NoticeToast({ notice, besidePanel, onDismiss }: NoticeToastProps) {
  const [held, setHeld] = useState(false);
  // The latest callback, so a parent re-render (a new closure) does not restart the timer.
  const dismiss = useRef(onDismiss);
  useEffect(() => { dismiss.current = onDismiss; }, [onDismiss]);
  useEffect(() => {
    if (notice.kind === 'error' || held) return undefined;
    // A new notice object (even with the same text) restarts the timer.
    const timer = window.setTimeout(() => dismiss.current(), NOTICE_AUTO_DISMISS_MS);
    return () => window.clearTimeout(timer);
  }, [notice, held]);
  return (
    <div
      className={`app-notice app-notice--${notice.kind}${besidePanel ? ' app-notice--beside-panel' : ''}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="app-notice__text">{notice.text}</span>
      {notice.action !== undefined && (
        <button type="button" className="button" onClick={() => {
          notice.action?.run();
          onDismiss();
        }}>{notice.action.label}</button>
      )}
      <button type="button" className="button button--quiet" onClick={onDismiss} aria-label="Dismiss">×</button>
    </div>
  );
}
