/**
 * The slice of Electron's main-process API this app uses, as structural interfaces.
 *
 * Main-process modules take these instead of Electron's classes, so they run in Node
 * tests against a small hand-written fake (tests/helpers/fake-electron.ts). `main.ts`
 * passes the real objects; the type checker proves they fit, so a port that drifts from
 * Electron's real API fails `tsc -p electron`, not at run time.
 */

/** A navigation about to happen in some frame; `preventDefault` cancels it. */
export interface NavigationEventPort {
  readonly url: string;
  preventDefault(): void;
}

/** A cancellable event without details. */
export interface CancellableEventPort {
  preventDefault(): void;
}

/** A keyboard event seen before the page gets it. */
export interface KeyInputPort {
  readonly type: string;
  readonly key: string;
  readonly shift: boolean;
  readonly control: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
}

/** What a window-open request says about itself. */
export interface WindowOpenDetailsPort {
  readonly url: string;
}

/** The page inside a window. */
export interface WebContentsPort {
  readonly id: number;
  on(event: 'will-frame-navigate', listener: (event: NavigationEventPort) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventPort) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: CancellableEventPort) => void): unknown;
  on(event: 'before-input-event', listener: (event: CancellableEventPort, input: KeyInputPort) => void): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetailsPort) => { action: 'deny' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** A rectangle in screen coordinates. */
export interface RectanglePort {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A top-level window. */
export interface BrowserWindowPort {
  readonly webContents: WebContentsPort;
  loadURL(url: string): Promise<void>;
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): RectanglePort;
}

/** A display's usable area (without task bars and docks). */
export interface DisplayPort {
  readonly workArea: RectanglePort;
}

/** The part of Electron's `screen` module used to keep windows visible. */
export interface ScreenPort {
  getAllDisplays(): DisplayPort[];
}

/** The IPC event the gateway inspects to decide whether to trust a call. */
export interface IpcInvokeEventPort {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of Electron's `ipcMain` used to register request handlers. */
export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcInvokeEventPort, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}
