/**
 * `npm test`: the whole suite, in the order a failure is cheapest to read:
 * typecheck (every environment) → layer check → build (the app, out/) → test build (the
 * renderer with the page test hook, out/renderer-test) → Vitest (unit, then end-to-end in
 * Debian's Chromium, against the test build). Ends with one plain line `tests: N passed, N failed`.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, requireNode22, run } from './run.ts';

requireNode22();
const step = async (name: string, command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> => {
  console.log(`\n── ${name}`);
  const code = await run(command, args, env);
  if (code !== 0) console.error(`── ${name} failed (exit ${code})`);
  return code === 0;
};

if (!existsSync('/usr/bin/chromium') && !process.env.MARGINALIA_CHROMIUM) {
  console.error("Chromium not found at /usr/bin/chromium: install it with 'sudo apt-get install chromium' (the end-to-end tests need it).");
  process.exit(1);
}

const node = process.execPath;
const ok =
  (await step('typecheck', node, [join(ROOT, 'scripts/typecheck.ts')])) &&
  (await step('layer check', node, [join(ROOT, 'scripts/check-layers.ts')])) &&
  (await step('build', node, [join(ROOT, 'scripts/build.ts')])) &&
  (await step('test build', node, [join(ROOT, 'scripts/build.ts'), '--test']));
if (!ok) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

const report = join(ROOT, 'out', 'test-results.json');
rmSync(report, { force: true });
const code = await run(`${BIN}/vitest`, ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  MARGINALIA_SKIP_BUILD: '1',
});
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  if (results.numPendingTests > 0) console.error(`${results.numPendingTests} test(s) were skipped: no test may skip.`);
  console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  process.exit(code !== 0 || results.numFailedTests > 0 || results.numPendingTests > 0 ? 1 : 0);
}
console.log('tests: 0 passed, 1 failed');
process.exit(code === 0 ? 1 : code);
