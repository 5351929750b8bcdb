/**
 * Type-checks every environment with its own tsconfig: shared (no DOM, no Node), renderer
 * (DOM), electron (Node) and tests (everything). One tsconfig per environment is what keeps
 * DOM or Node APIs from leaking into shared code.
 */
import { BIN, requireNode22, run } from './run.ts';

requireNode22();
const projects = ['shared', 'renderer', 'electron', 'tests'];
let failed = 0;
for (const project of projects) {
  const code = await run(`${BIN}/tsc`, ['-p', project, '--pretty', 'false']);
  console.log(`typecheck ${project}: ${code === 0 ? 'ok' : 'FAILED'}`);
  if (code !== 0) failed++;
}
process.exit(failed ? 1 : 0);
