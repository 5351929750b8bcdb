import { beforeEach, describe, expect, it } from 'vitest';
import { setupSingleInstance } from '../../../electron/main/single-instance.ts';
import { app, BrowserWindow, resetFakeElectron } from '../../helpers/fake-electron.ts';

beforeEach(() => resetFakeElectron());

describe('setupSingleInstance', () => {
  it('quits when another copy holds the lock', () => {
    app.lockAvailable = false;
    expect(setupSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running with the lock, and a second launch restores and focuses the first window', () => {
    const window = new BrowserWindow();
    window.minimized = true;
    expect(setupSingleInstance(app, () => window)).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('second-instance', {}, ['marginalia'], '/home');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('ignores a second launch when no window is open', () => {
    expect(setupSingleInstance(app, () => undefined)).toBe(true);
    expect(() => app.emit('second-instance')).not.toThrow();
  });
});
