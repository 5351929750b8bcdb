/**
 * The team corner of the top bar: teammates' avatars, the sync indicator, and the Team
 * settings dialog. The dialog opens from the indicator or from the 'team-settings' command
 * (File ▸ Team Settings… in Electron), so it is findable without knowing the indicator is a
 * button. Renders nothing outside a TeamContext, so screens and tests without team
 * features are unaffected.
 */
import { useEffect, useState } from 'react';
import '../ui/sync.css';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';
import { TeamDialog } from './TeamDialog.tsx';
import { useTeam } from './team-context.ts';

/** The team corner. */
export function TeamTopBar() {
  const team = useTeam();
  const [open, setOpen] = useState(false);
  const commands = team?.commands;
  useEffect(() => commands?.subscribe((command) => {
    if (command === 'team-settings') setOpen(true);
  }), [commands]);
  if (team === null) return null;
  return (
    <span className="team-bar">
      <PresenceAvatars controller={team.controller} documentTitle={team.documentTitle} />
      <SyncIndicator controller={team.controller} onOpenSettings={() => setOpen(true)} />
      <TeamDialog controller={team.controller} open={open} onClose={() => setOpen(false)} />
    </span>
  );
}
