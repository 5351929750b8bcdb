import { beforeEach, describe, expect, it } from 'vitest';
import { GRANTED_PERMISSIONS, setupPermissionHandlers } from '../../../electron/main/permissions.ts';
import { resetFakeElectron, session } from '../../helpers/fake-electron.ts';

beforeEach(() => {
  resetFakeElectron();
  setupPermissionHandlers(session.defaultSession);
});

const sensitive = ['media', 'geolocation', 'notifications', 'midiSysex', 'hid', 'serial', 'usb', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture', 'unknown'];

describe('permission requests', () => {
  it.each(sensitive)('denies %s even to the app origin', async (permission) => {
    expect(await session.defaultSession.simulatePermissionRequest(permission, 'app://marginalia/index.html')).toBe(false);
    expect(session.defaultSession.simulatePermissionCheck(permission, 'app://marginalia')).toBe(false);
  });

  it('grants only local-network access and clipboard writes, and only to the app origin', async () => {
    for (const permission of GRANTED_PERMISSIONS) {
      expect(await session.defaultSession.simulatePermissionRequest(permission, 'app://marginalia/index.html')).toBe(true);
      expect(session.defaultSession.simulatePermissionCheck(permission, 'app://marginalia')).toBe(true);
      expect(await session.defaultSession.simulatePermissionRequest(permission, 'https://example.org/')).toBe(false);
      expect(session.defaultSession.simulatePermissionCheck(permission, 'app://evil')).toBe(false);
    }
    expect([...GRANTED_PERMISSIONS].sort()).toEqual([
      'clipboard-sanitized-write',
      'local-network',
      'local-network-access',
      'loopback-network',
    ]);
  });
});
