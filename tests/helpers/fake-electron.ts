/**
 * A small hand-written fake of the Electron API, aliased as `electron` in unit tests.
 *
 * Unit tests run in Node without an Electron binary, so main-process modules take
 * Electron objects as parameters and are tested against these fakes. Each fake keeps
 * what it was asked to do (options, handlers, sent messages, calls) in plain fields so
 * tests assert behaviour, and offers `simulate*`/`emit` helpers to play Electron's part
 * (a navigation, an IPC call, the app becoming ready). Only what the app uses is faked.
 * `resetFakeElectron()` restores a fresh state between tests.
 */

// Listeners in Electron take event-specific arguments; the fake stores them untyped.
type Listener = (...args: any[]) => void;

/** Minimal event emitter with `on`/`once`/`emit` and listener inspection. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper: Listener = (...args) => {
      this.removeListener(event, wrapper);
      listener(...args);
    };
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    const current = this.listeners.get(event) ?? [];
    for (const listener of current) listener(...args);
    return current.length > 0;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A cancellable event as Electron passes it, recording whether it was cancelled. */
export interface FakeEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** Makes a cancellable event for `url`. */
export function fakeEvent(url = ''): FakeEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextWebContentsId = 1;

/** A page: records sent messages; simulates navigation, window.open and key presses. */
export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | undefined;
  destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Plays a frame navigation; returns true when a guard cancelled it. */
  simulateNavigation(url: string, event: 'will-frame-navigate' | 'will-redirect' = 'will-frame-navigate'): boolean {
    const navigation = fakeEvent(url);
    this.emit(event, navigation);
    return navigation.defaultPrevented;
  }

  /** Plays `window.open(url)`; returns the handler's answer (Electron allows when there is none). */
  simulateWindowOpen(url: string): { action: 'deny' | 'allow' } {
    return this.windowOpenHandler?.({ url }) ?? { action: 'allow' };
  }

  /** Plays a key press before the page sees it; returns true when it was swallowed. */
  simulateKey(input: { key: string; type?: string; shift?: boolean; control?: boolean; alt?: boolean; meta?: boolean }): boolean {
    const event = fakeEvent();
    this.emit('before-input-event', event, {
      type: input.type ?? 'keyDown',
      key: input.key,
      shift: input.shift ?? false,
      control: input.control ?? false,
      alt: input.alt ?? false,
      meta: input.meta ?? false,
    });
    return event.defaultPrevented;
  }
}

/** A window: records its options, loaded URLs and visibility calls. */
export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  readonly calls: string[] = [];
  bounds: { x: number; y: number; width: number; height: number };
  minimized = false;
  maximized = false;
  destroyed = false;

  constructor(constructorOptions: object = {}) {
    super();
    const options = constructorOptions as Record<string, unknown>;
    this.options = options;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 100,
      y: typeof options.y === 'number' ? options.y : 100,
      width: typeof options.width === 'number' ? options.width : 800,
      height: typeof options.height === 'number' ? options.height : 600,
    };
    BrowserWindow.instances.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }

  show(): void {
    this.calls.push('show');
  }

  focus(): void {
    this.calls.push('focus');
  }

  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }

  maximize(): void {
    this.calls.push('maximize');
    this.maximized = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }

  /** Moves/resizes the window as the user would, emitting `move` and `resize`. */
  simulateBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = { ...bounds };
    this.emit('move');
    this.emit('resize');
  }

  /** Closes the window as the user would: `close`, then `closed`, then destroyed. */
  close(): void {
    this.emit('close', fakeEvent());
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** The fake `app`: paths, name, lock, readiness under test control. */
class FakeApp extends FakeEmitter {
  name = 'marginalia';
  version = '0.1.0';
  isPackaged = false;
  lockAvailable = true;
  quitCalls = 0;
  appPath = '/fake/app';
  readonly paths = new Map<string, string>([
    ['appData', '/fake/appData'],
    ['userData', '/fake/appData/marginalia'],
    ['documents', '/fake/home/Documents'],
  ]);
  readonly calls: string[] = [];
  private ready = false;
  private readyWaiters: Array<() => void> = [];

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    this.name = name;
  }

  getVersion(): string {
    return this.version;
  }

  getAppPath(): string {
    return this.appPath;
  }

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lockAvailable;
  }

  quit(): void {
    this.quitCalls += 1;
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Plays the `ready` moment: resolves `whenReady()` and emits `ready`. */
  simulateReady(): void {
    this.ready = true;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
    this.emit('ready');
  }
}

/** The fake `protocol`: records privileged schemes and handlers (and when, relative to ready). */
class FakeProtocol {
  readonly privilegedSchemes: Array<{ scheme: string; privileges: Record<string, unknown>; beforeReady: boolean }> = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, unknown> }>): void {
    for (const scheme of schemes) this.privilegedSchemes.push({ ...scheme, beforeReady: !app.isReady() });
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }

  /** Sends a request through the handler registered for the URL's scheme. */
  async simulateRequest(url: string, method = 'GET'): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (handler === undefined) throw new Error(`No handler for scheme ${scheme}`);
    return handler(new Request(url, { method }));
  }
}

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl?: string },
) => boolean;

/** The fake `Session`: keeps the permission handlers. */
export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  /** Plays a permission request; resolves what the handler granted (Electron grants without one). */
  simulatePermissionRequest(permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (handler === undefined) return Promise.resolve(true);
    return new Promise((resolve) => handler(new FakeWebContents(), permission, resolve, { requestingUrl }));
  }

  /** Plays a permission check; returns the handler's answer (Electron grants without one). */
  simulatePermissionCheck(permission: string, requestingOrigin: string): boolean {
    return this.permissionCheckHandler?.(new FakeWebContents(), permission, requestingOrigin, {}) ?? true;
  }
}

/** The fake `ipcMain`: keeps invoke handlers and lets tests invoke them as a page would. */
class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: never, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => unknown);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Calls the handler for `channel` as `sender`'s frame at `frameUrl` would. */
  async simulateInvoke(
    channel: string,
    sender: { id: number },
    frameUrl: string | null,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}

/** The fake `ipcRenderer`: records invocations, answers through `respond`, delivers events. */
class FakeIpcRenderer extends FakeEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  respond: (channel: string, args: unknown[]) => unknown = () => undefined;

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.respond(channel, args);
  }

  /** Delivers a message from the main process on `channel`. */
  simulateMessage(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this }, ...args);
  }
}

/** The fake `contextBridge`: keeps what was exposed. */
class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();

  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  }
}

/** The fake `Menu`: builds a menu that is just its template; records the application menu. */
class FakeMenuModule {
  applicationMenu: { template: unknown[] } | null = null;

  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  }

  setApplicationMenu(menu: { template: unknown[] } | null): void {
    this.applicationMenu = menu;
  }
}

/** The fake `shell`: records URLs handed to the OS. */
class FakeShell {
  readonly openedExternal: string[] = [];

  async openExternal(url: string): Promise<void> {
    this.openedExternal.push(url);
  }
}

/** The fake `dialog`: answers with queued results and records the options it was shown with. */
class FakeDialog {
  readonly saveCalls: Array<{ window: unknown; options: Record<string, unknown> }> = [];
  readonly openCalls: Array<{ window: unknown; options: Record<string, unknown> }> = [];
  nextSave: { canceled: boolean; filePath?: string } | Error = { canceled: true };
  nextOpen: { canceled: boolean; filePaths: string[] } | Error = { canceled: true, filePaths: [] };

  async showSaveDialog(window: unknown, options: Record<string, unknown>): Promise<{ canceled: boolean; filePath?: string }> {
    this.saveCalls.push({ window, options });
    if (this.nextSave instanceof Error) throw this.nextSave;
    return this.nextSave;
  }

  async showOpenDialog(window: unknown, options: Record<string, unknown>): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.openCalls.push({ window, options });
    if (this.nextOpen instanceof Error) throw this.nextOpen;
    return this.nextOpen;
  }
}

/** The fake `screen`: displays under test control. */
class FakeScreen {
  displays: Array<{ workArea: { x: number; y: number; width: number; height: number } }> = [
    { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
  ];

  getAllDisplays(): Array<{ workArea: { x: number; y: number; width: number; height: number } }> {
    return this.displays;
  }
}

export let app = new FakeApp();
export let protocol = new FakeProtocol();
export let session = { defaultSession: new FakeSession() };
export let ipcMain = new FakeIpcMain();
export let ipcRenderer = new FakeIpcRenderer();
export let contextBridge = new FakeContextBridge();
export let Menu = new FakeMenuModule();
export let shell = new FakeShell();
export let dialog = new FakeDialog();
export let screen = new FakeScreen();

/** Replaces every fake module with a fresh one (call in `beforeEach`). */
export function resetFakeElectron(): void {
  app = new FakeApp();
  protocol = new FakeProtocol();
  session = { defaultSession: new FakeSession() };
  ipcMain = new FakeIpcMain();
  ipcRenderer = new FakeIpcRenderer();
  contextBridge = new FakeContextBridge();
  Menu = new FakeMenuModule();
  shell = new FakeShell();
  dialog = new FakeDialog();
  screen = new FakeScreen();
  BrowserWindow.instances = [];
}
