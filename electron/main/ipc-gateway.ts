/**
 * The IPC gateway: the only door from a page into the main process.
 *
 * One `ipcMain.handle` per invoke method of the shared contract, registered by walking
 * `INVOKE_CONTRACT`, so a new method cannot be exposed without its validator. Before a
 * handler runs, the gateway checks that
 * 1. the sender is the page of a window the app created (window registry), and
 * 2. the frame that sent it is on the app origin (`app://marginalia/`), and
 * 3. the payload passes the method's validator.
 * A refused call rejects in the renderer with a message saying which rule failed; the
 * handler is never reached.
 */
import {
  INVOKE_CONTRACT,
  INVOKE_METHODS,
  type InvokeHandlers,
  type InvokeMethod,
  type InvokeRequest,
} from '#shared/ipc/contract.ts';
import { isAppUrl } from './app-origin.ts';
import type { BrowserWindowPort, IpcInvokeEventPort, IpcMainPort } from './electron-ports.ts';
import type { WindowRegistry } from './window-registry.ts';

/** Why a call was refused, or the window it came from. */
export type SenderCheck<W> = { trusted: true; window: W } | { trusted: false; reason: string };

/** Decides whether an IPC event comes from the app's own UI, and from which window. */
export function checkSender<W extends BrowserWindowPort>(
  event: IpcInvokeEventPort,
  registry: WindowRegistry<W>,
): SenderCheck<W> {
  const window = registry.windowForSender(event.sender);
  if (window === undefined) return { trusted: false, reason: 'the sender is not a window this app created' };
  const frameUrl = event.senderFrame?.url;
  if (frameUrl === undefined) return { trusted: false, reason: 'the sending frame is gone' };
  if (!isAppUrl(frameUrl)) return { trusted: false, reason: 'the sending frame is not on the app origin' };
  return { trusted: true, window };
}

/** Everything the gateway needs. */
export interface IpcGatewayOptions<W extends BrowserWindowPort> {
  readonly ipcMain: IpcMainPort;
  readonly registry: WindowRegistry<W>;
  readonly handlers: InvokeHandlers<W>;
}

function registerMethod<W extends BrowserWindowPort, M extends InvokeMethod>(
  method: M,
  { ipcMain, registry, handlers }: IpcGatewayOptions<W>,
): void {
  const spec = INVOKE_CONTRACT[method];
  const handler = handlers[method] as (request: InvokeRequest<M>, context: { window: W }) => unknown;
  ipcMain.handle(spec.channel, async (event, ...args) => {
    const sender = checkSender(event, registry);
    if (!sender.trusted) throw new Error(`Refused ${method}: ${sender.reason}.`);
    if (args.length > 1) throw new Error(`Invalid ${method} request: expected at most one argument, got ${args.length}.`);
    const validation = spec.validateRequest(args[0]);
    if (!validation.ok) throw new Error(`Invalid ${method} request: ${validation.error}`);
    return handler(validation.value as InvokeRequest<M>, { window: sender.window });
  });
}

/** Registers a guarded handler for every invoke method; returns a function removing them. */
export function registerIpcGateway<W extends BrowserWindowPort>(options: IpcGatewayOptions<W>): () => void {
  for (const method of INVOKE_METHODS) registerMethod(method, options);
  return () => {
    for (const method of INVOKE_METHODS) options.ipcMain.removeHandler(INVOKE_CONTRACT[method].channel);
  };
}
