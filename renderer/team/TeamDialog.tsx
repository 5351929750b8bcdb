/**
 * Team settings: join a team project by pasting an invite link or by entering the server
 * address, project id and token; see what you are joined to; leave.
 *
 * Validation runs on submit and shows one sentence next to the field at fault (invite
 * parsing and field checks live in sync/team-credentials.ts). What happens to local work is
 * said in the dialog itself, because it is the question people ask: joining opens the team
 * project (the personal project stays on this computer), optionally copying personal
 * annotations into it; leaving returns to the personal project and keeps the team
 * project's local copy. A native <dialog> gives the inert background and Escape;
 * ui/use-focus-trap.ts wraps Tab inside it and gives focus back to what opened it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Invite } from '#shared/sync/invite.ts';
import { validateInviteText, validateTeamFields, type TeamFieldErrors } from '../sync/team-credentials.ts';
import type { TeamController } from '../sync/team-controller.ts';
import { describeSyncStatus } from '../sync/sync-status.ts';
import { useFocusTrap } from '../ui/use-focus-trap.ts';
import { useShowModalAfterFrame } from '../ui/use-show-modal.ts';
import { useSyncStatus } from './team-context.ts';

/** Props of {@link TeamDialog}. */
export interface TeamDialogProps {
  readonly controller: TeamController;
  readonly open: boolean;
  readonly onClose: () => void;
}

type Mode = 'invite' | 'fields';

/** The dialog. */
export function TeamDialog({ controller, open, onClose }: TeamDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<Mode>('invite');
  const [inviteText, setInviteText] = useState('');
  const [fields, setFields] = useState({ serverUrl: '', projectId: '', token: '' });
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<TeamFieldErrors>({});
  const [copyLocal, setCopyLocal] = useState(false);
  const [busy, setBusy] = useState(false);
  const status = useSyncStatus(controller);
  const joined = controller.credentials;
  // Before the effect below opens the dialog (and moves focus in), so the trap remembers the opener.
  useFocusTrap(dialog, open);

  // Shown a frame later: making the page behind it inert restyles a dense article (ui/use-show-modal.ts).
  useShowModalAfterFrame(dialog, undefined, open);
  useEffect(() => {
    if (!open && dialog.current?.open === true) dialog.current.close();
  }, [open]);

  const join = async (invite: Invite): Promise<void> => {
    setBusy(true);
    try {
      await controller.join(invite, { copyLocalWork: joined === null && copyLocal });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (mode === 'invite') {
      const result = validateInviteText(inviteText);
      setInviteError(result.ok ? null : result.error);
      if (result.ok) void join(result.invite);
      return;
    }
    const result = validateTeamFields(fields);
    setFieldErrors(result.ok ? {} : result.errors);
    if (result.ok) void join(result.invite);
  };

  const field = (key: keyof typeof fields, label: string, placeholder: string) => (
    <label className="field team-dialog__field">
      <span>{label}</span>
      <input
        value={fields[key]}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={fieldErrors[key] !== undefined}
        aria-describedby={fieldErrors[key] !== undefined ? `team-${key}-error` : undefined}
        data-testid={`team-${key}`}
        onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
      />
      {fieldErrors[key] !== undefined && <span className="team-dialog__error" id={`team-${key}-error`} role="alert">{fieldErrors[key]}</span>}
    </label>
  );

  return (
    <dialog ref={dialog} className="team-dialog" aria-labelledby="team-dialog-title" onClose={onClose} data-testid="team-dialog">
      <form className="team-dialog__card" onSubmit={submit}>
        <h2 id="team-dialog-title">Team</h2>
        {joined !== null && (
          <section className="team-dialog__joined" aria-label="Current team project">
            <p>
              This project is shared through <code>{joined.serverUrl}</code> (project <code>{joined.projectId}</code>).
              Status: <strong data-testid="team-dialog-status">{describeSyncStatus(status).label}</strong>.
            </p>
            <p className="team-dialog__hint">Leaving stops syncing and forgets the token. The team project’s copy stays on this computer; your personal project opens again.</p>
            <button type="button" className="button button--danger" data-testid="team-leave" disabled={busy} onClick={() => void controller.leave()}>Leave team</button>
            <h3>Join another team project</h3>
          </section>
        )}
        <div className="team-dialog__modes" role="radiogroup" aria-label="How to join">
          <label><input type="radio" name="team-mode" checked={mode === 'invite'} onChange={() => setMode('invite')} data-testid="team-mode-invite" /> Paste an invite</label>
          <label><input type="radio" name="team-mode" checked={mode === 'fields'} onChange={() => setMode('fields')} data-testid="team-mode-fields" /> Enter server, project and token</label>
        </div>
        {mode === 'invite' ? (
          <label className="field team-dialog__field">
            <span>Invite link</span>
            <textarea
              value={inviteText}
              rows={3}
              spellCheck={false}
              placeholder="marginalia://join?server=…&project=…&token=…"
              aria-invalid={inviteError !== null}
              aria-describedby={inviteError !== null ? 'team-invite-error' : undefined}
              data-testid="team-invite"
              onChange={(event) => setInviteText(event.target.value)}
            />
            {inviteError !== null && <span className="team-dialog__error" id="team-invite-error" role="alert">{inviteError}</span>}
          </label>
        ) : (
          <>
            {field('serverUrl', 'Server address', 'ws://127.0.0.1:4455')}
            {field('projectId', 'Project id', '22 characters')}
            {field('token', 'Access token', 'mgt1.…')}
          </>
        )}
        {joined === null && (
          <label className="team-dialog__check">
            <input type="checkbox" checked={copyLocal} onChange={(event) => setCopyLocal(event.target.checked)} data-testid="team-copy-local" />
            <span>Copy my local annotations into the team project (teammates will see them). Your personal project stays on this computer either way.</span>
          </label>
        )}
        <div className="team-dialog__actions">
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="team-join">Join</button>
        </div>
      </form>
    </dialog>
  );
}
