/**
 * The preload script (bundled to out/preload/preload.cjs, runs sandboxed).
 *
 * Its only job: expose the contract API as `window.marginalia` through the context
 * bridge. It imports nothing but `electron` and environment-free shared code, as a
 * sandboxed preload must.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { WINDOW_API_KEY } from '#shared/ipc/contract.ts';
import { buildMarginaliaApi } from './build-api.ts';

contextBridge.exposeInMainWorld(WINDOW_API_KEY, buildMarginaliaApi(ipcRenderer));
