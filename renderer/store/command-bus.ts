/**
 * One fan-out point for app commands. The platform delivers commands from the native menu
 * (Electron) or keyboard shortcuts (web); toolbar buttons emit the same commands here, so
 * "Find" behaves identically whether it came from Ctrl+F, the Edit menu or a button.
 */
import type { MenuCommand, Platform } from '../services/platform.ts';

/** Subscribe to and emit app commands. */
export interface CommandBus {
  subscribe(listener: (command: MenuCommand) => void): () => void;
  emit(command: MenuCommand): void;
  /** Stops listening to the platform. */
  dispose(): void;
}

/** Creates the bus and connects it to the platform's command source. */
export function createCommandBus(platform: Pick<Platform, 'onCommand'>): CommandBus {
  const listeners = new Set<(command: MenuCommand) => void>();
  const emit = (command: MenuCommand): void => {
    for (const listener of [...listeners]) listener(command);
  };
  const detach = platform.onCommand(emit);
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    dispose() {
      detach();
      listeners.clear();
    },
  };
}
