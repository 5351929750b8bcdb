/**
 * Sync status: every phase is derived from the provider's facts in the right precedence,
 * and its label and tooltip say what a person needs (reason, last sync, what to do).
 */
import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { deriveSyncStatus, describeSyncStatus, describeWhen, INITIAL_SYNC_FACTS, NOT_JOINED_STATUS, type SyncFacts } from '../../../renderer/sync/sync-status.ts';

const URL = 'ws://127.0.0.1:4455';
const NOW = Date.UTC(2026, 0, 5, 10, 0, 0);
const connected: SyncFacts = { ...INITIAL_SYNC_FACTS, localLoaded: true, socket: 'connected', handshakeDone: true, lastSyncedAt: NOW - 2000 };

describe('deriveSyncStatus', () => {
  it('orders the phases: loading, refused, offline, connecting, unsynced, synced', () => {
    expect(deriveSyncStatus(INITIAL_SYNC_FACTS, URL).phase).toBe('loading');
    expect(deriveSyncStatus({ ...connected, refusal: 'token revoked', socket: 'disconnected' }, URL).phase).toBe('refused');
    // A refused socket that reconnects, or has unsent work, still says why it is refused (no flapping).
    expect(deriveSyncStatus({ ...connected, refusal: 'token revoked', socket: 'connecting', handshakeDone: false }, URL).phase).toBe('refused');
    expect(deriveSyncStatus({ ...connected, refusal: 'token revoked', unsyncedChanges: 3, unsentItems: 1 }, URL).phase).toBe('refused');
    expect(deriveSyncStatus({ ...connected, socket: 'disconnected', unsyncedChanges: 3 }, URL).phase).toBe('offline');
    expect(deriveSyncStatus({ ...connected, socket: 'connecting' }, URL).phase).toBe('connecting');
    expect(deriveSyncStatus({ ...connected, handshakeDone: false }, URL).phase).toBe('connecting');
    expect(deriveSyncStatus({ ...connected, unsyncedChanges: 2 }, URL).phase).toBe('unsynced');
    expect(deriveSyncStatus(connected, URL).phase).toBe('synced');
  });
});

describe('describeSyncStatus', () => {
  it('says "Synced" with the server and the last sync time', () => {
    const { label, tooltip } = describeSyncStatus(deriveSyncStatus(connected, URL), NOW);
    expect(label).toBe('Synced');
    expect(tooltip).toContain(`Server: ${URL}`);
    expect(tooltip).toMatch(/Last synced \d\d:\d\d:\d\d \(just now\)\./);
  });

  it('names the server it switched from after a failover', () => {
    const other = 'ws://127.0.0.1:4456';
    const { tooltip } = describeSyncStatus(deriveSyncStatus({ ...connected, switchedFrom: URL }, other), NOW);
    expect(tooltip).toContain(`Server: ${other} (switched from ${URL}, which stopped answering)`);
  });

  it('counts what the person did, not Yjs updates, in a short label; the tooltip says it in full', () => {
    const one = describeSyncStatus(deriveSyncStatus({ ...connected, unsyncedChanges: 53, unsentItems: 1 }, URL), NOW);
    expect(one.label).toBe('1 unsent');
    expect(one.tooltip).toContain('1 change (highlights, codes, notes) not yet on the server.');
    const many = describeSyncStatus(deriveSyncStatus({ ...connected, unsyncedChanges: 9000, unsentItems: 1200 }, URL), NOW);
    expect(many.label).toBe('1,200 unsent');
    expect(many.tooltip).toContain('1,200 changes (highlights, codes, notes)');
    // After a reload the items are not known, only that the server lacks something.
    expect(describeSyncStatus(deriveSyncStatus({ ...connected, unsyncedChanges: 4 }, URL), NOW).label).toBe('Sending…');
  });

  it('explains offline: why, since when, and that it retries on its own', () => {
    const status = deriveSyncStatus({ ...connected, socket: 'disconnected', unsyncedChanges: 40, unsentItems: 4, lastDisconnect: 'server unreachable', disconnectedAt: NOW - 120_000 }, URL);
    const { label, tooltip } = describeSyncStatus(status, NOW);
    expect(label).toBe('Offline · 4 unsent');
    expect(tooltip).toMatch(/^Not connected: server unreachable since \d\d:\d\d:\d\d \(2 min ago\)\. Retrying on its own/);
  });

  it('still says what is unsent while it reconnects (retrying flips between offline and connecting)', () => {
    const status = deriveSyncStatus({ ...connected, socket: 'connecting', unsyncedChanges: 40, unsentItems: 2, lastDisconnect: 'server unreachable' }, URL);
    const { label, tooltip } = describeSyncStatus(status, NOW);
    expect(label).toBe('Connecting…');
    expect(tooltip).toMatch(/^Reconnecting after: server unreachable\.\n2 changes \(highlights, codes, notes\) not yet on the server\./);
  });

  it('shows a refusal with the server’s reason verbatim and advice', () => {
    const revoked = describeSyncStatus(deriveSyncStatus({ ...connected, refusal: REFUSAL_REASONS.tokenRevoked }, URL), NOW);
    expect(revoked.label).toBe('Token refused: token revoked');
    expect(revoked.tooltip).toContain('Ask a teammate for a new invite');
    const foreign = describeSyncStatus(deriveSyncStatus({ ...connected, refusal: REFUSAL_REASONS.wrongProject }, URL), NOW);
    expect(foreign.label).toBe('Token refused: token not valid for this project');
    expect(foreign.tooltip).toContain('opens a different project');
  });

  it('says "Not shared" for a personal project and "Never synced" before the first sync', () => {
    expect(describeSyncStatus(NOT_JOINED_STATUS, NOW).label).toBe('Not shared');
    expect(describeSyncStatus(deriveSyncStatus({ ...INITIAL_SYNC_FACTS, localLoaded: true, socket: 'connecting' }, URL), NOW).tooltip).toContain('Never synced');
  });

  it('words elapsed time in seconds, minutes, hours and days', () => {
    expect(describeWhen(NOW - 30_000, NOW)).toMatch(/\(30 s ago\)$/);
    expect(describeWhen(NOW - 3 * 3_600_000, NOW)).toMatch(/\(3 h ago\)$/);
    expect(describeWhen(NOW - 2 * 86_400_000, NOW)).toMatch(/\(2 days ago\)$/);
  });
});
