/**
 * Bundles a bench's page-side module (Yjs and the app's own model code with it) into one
 * script for a blank page, with esbuild: the heap rows and the load floor run the app's
 * code in Chromium without the app around it.
 */
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

/** The module at `entry` (a file URL) bundled as a script that runs on evaluation (an IIFE). */
export async function pageScript(entry: URL): Promise<string> {
  const built = await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  });
  const script = built.outputFiles[0]?.text;
  if (script === undefined || script === '') throw new Error(`esbuild produced no script for ${fileURLToPath(entry)}`);
  return script;
}
