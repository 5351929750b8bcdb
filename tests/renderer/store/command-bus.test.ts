import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../renderer/services/platform.ts';
import { createCommandBus } from '../../../renderer/store/command-bus.ts';

describe('command bus', () => {
  it('fans platform commands and emitted commands out to subscribers until disposed', () => {
    let platformListener: ((command: MenuCommand) => void) | null = null;
    const bus = createCommandBus({ onCommand: (listener) => { platformListener = listener; return () => { platformListener = null; }; } });
    const a: MenuCommand[] = [];
    const b: MenuCommand[] = [];
    const stopA = bus.subscribe((command) => a.push(command));
    bus.subscribe((command) => b.push(command));
    platformListener!('find');
    bus.emit('toggle-contents');
    stopA();
    bus.emit('show-library');
    expect(a).toEqual(['find', 'toggle-contents']);
    expect(b).toEqual(['find', 'toggle-contents', 'show-library']);
    bus.dispose();
    expect(platformListener).toBeNull();
  });
});
