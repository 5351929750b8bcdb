/**
 * The typed IPC contract between the main process and the renderer.
 *
 * `MarginaliaApi` is the single source of truth: it is the shape the preload exposes as
 * `window.marginalia`. Everything else is derived from it: the invoke table below must
 * name a channel and a payload validator for every request/response method (the mapped
 * type makes a missing or extra entry a compile error), the main process implements
 * `InvokeHandlers` (typed from the same methods), and the preload builds its functions by
 * walking the table. No channel name is written in more than one place.
 *
 * Domains (app, files, shell, menu) keep their payload types and validators in their own
 * files; this module only assembles them.
 */
import { validateNoPayload, type AppInfo } from './app.ts';
import {
  validateOpenFileRequest,
  validateSaveFileRequest,
  type FileFilter,
  type OpenFileRequest,
  type OpenFileResult,
  type SaveFileRequest,
  type SaveFileResult,
} from './files.ts';
import { validateMenuCommand, type MenuCommand } from './menu.ts';
import { validateExternalUrl } from './shell.ts';
import type { Validator } from './validation.ts';

export type { AppInfo } from './app.ts';
export type { FileFilter, OpenFileRequest, OpenFileResult, SaveFileRequest, SaveFileResult } from './files.ts';
export type { MenuCommand } from './menu.ts';

/** The API the preload exposes to the renderer as `window.marginalia`. */
export interface MarginaliaApi {
  /** Always `'electron'`: lets the renderer tell the desktop host from a plain browser. */
  readonly platform: 'electron';
  /** Name, version and the per-user data folder of the installed app. */
  appInfo(): Promise<AppInfo>;
  /** Asks the user where to save `content` (native dialog), then writes it atomically. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Asks the user for one file (native dialog) and returns its name and bytes. */
  openFile(request: { filters: FileFilter[] }): Promise<OpenFileResult>;
  /** Opens an https URL in the system browser; resolves false for anything else. */
  openExternal(url: string): Promise<boolean>;
  /** Subscribes to commands from the native menu; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The global under which the preload exposes the API: `window.marginalia`. */
export const WINDOW_API_KEY = 'marginalia';

/** Names of the request/response methods of {@link MarginaliaApi}. */
export type InvokeMethod = 'appInfo' | 'saveFile' | 'openFile' | 'openExternal';

/** Names of the subscription methods of {@link MarginaliaApi}. */
export type EventMethod = 'onMenuCommand';

/** The payload an invoke method sends (`undefined` for methods without an argument). */
export type InvokeRequest<M extends InvokeMethod> = Parameters<MarginaliaApi[M]> extends [infer R] ? R : undefined;

/** The value an invoke method resolves to. */
export type InvokeResponse<M extends InvokeMethod> = Awaited<ReturnType<MarginaliaApi[M]>>;

/** The payload an event method delivers to its listener. */
export type EventPayload<M extends EventMethod> = Parameters<Parameters<MarginaliaApi[M]>[0]>[0];

/** Wiring of one invoke method: its channel and the check its payload must pass in main. */
export interface InvokeSpec<M extends InvokeMethod> {
  readonly channel: string;
  readonly validateRequest: Validator<InvokeRequest<M>>;
}

/** Wiring of one event method: its channel and the check its payload must pass in the preload. */
export interface EventSpec<M extends EventMethod> {
  readonly channel: string;
  readonly validatePayload: Validator<EventPayload<M>>;
}

/** Every invoke method's channel and validator. */
export const INVOKE_CONTRACT: { readonly [M in InvokeMethod]: InvokeSpec<M> } = {
  appInfo: { channel: 'app:info', validateRequest: validateNoPayload },
  saveFile: { channel: 'files:save', validateRequest: validateSaveFileRequest },
  openFile: { channel: 'files:open', validateRequest: validateOpenFileRequest },
  openExternal: { channel: 'shell:open-external', validateRequest: validateExternalUrl },
};

/** Every event method's channel and validator. */
export const EVENT_CONTRACT: { readonly [M in EventMethod]: EventSpec<M> } = {
  onMenuCommand: { channel: 'menu:command', validatePayload: validateMenuCommand },
};

/** The invoke methods in a stable order, for code that walks the contract. */
export const INVOKE_METHODS = Object.keys(INVOKE_CONTRACT) as InvokeMethod[];

/** The event methods in a stable order, for code that walks the contract. */
export const EVENT_METHODS = Object.keys(EVENT_CONTRACT) as EventMethod[];

/** What the main process knows about the caller of an invoke method. */
export interface InvokeContext<Window> {
  /** The app window whose page made the call (parent for dialogs). */
  readonly window: Window;
}

/** The main-process implementation of every invoke method. */
export type InvokeHandlers<Window> = {
  readonly [M in InvokeMethod]: (
    request: InvokeRequest<M>,
    context: InvokeContext<Window>,
  ) => Promise<InvokeResponse<M>> | InvokeResponse<M>;
};

// Compile-time proof that InvokeMethod and EventMethod partition MarginaliaApi's methods.
type ApiMethod = Exclude<keyof MarginaliaApi, 'platform'>;
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsArePartitioned: Equal<InvokeMethod | EventMethod, ApiMethod> = true;
void methodsArePartitioned;
