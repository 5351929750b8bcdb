/**
 * React access to the team controller created once in main.tsx (outside React, so
 * StrictMode's double mounting never opens a second provider), and hooks over its
 * sync status and peers.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { CommandBus } from '../store/command-bus.ts';
import type { Peer } from '../sync/presence.ts';
import { NOT_JOINED_STATUS, type SyncStatus } from '../sync/sync-status.ts';
import type { TeamController } from '../sync/team-controller.ts';

/** What the team UI needs besides the controller. */
export interface TeamContextValue {
  readonly controller: TeamController;
  /** Title of a bundled article (for "reading …" in avatars); the id when unknown. */
  readonly documentTitle: (documentId: string) => string;
  /** The app's command bus: the 'team-settings' command (File menu) opens the Team dialog. */
  readonly commands: Pick<CommandBus, 'subscribe'>;
}

/** The team context (null: the app runs without team features, e.g. isolated tests). */
export const TeamContext = createContext<TeamContextValue | null>(null);

/** The team context or null. */
export function useTeam(): TeamContextValue | null {
  return useContext(TeamContext);
}

const noSubscription = (): (() => void) => () => undefined;
const noPeers: readonly Peer[] = [];

/** The sync status (NOT_JOINED_STATUS when working on the personal project). */
export function useSyncStatus(controller: TeamController): SyncStatus {
  const sync = controller.sync;
  return useSyncExternalStore(sync?.subscribe ?? noSubscription, sync?.status ?? (() => NOT_JOINED_STATUS));
}

/** Teammates online. */
export function usePeers(controller: TeamController): readonly Peer[] {
  const sync = controller.sync;
  return useSyncExternalStore(sync?.subscribePeers ?? noSubscription, sync?.peers ?? (() => noPeers));
}

/** The current time, refreshed every `intervalMs` (for "3 min ago" wording). */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
