/**
 * An axe-core scan of the page as it is now, for end-to-end tests that check the screens
 * they reach (axe evaluated in the page: an injected <script> would break the app's CSP).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** The serious and critical violations on the page, one line each, prefixed with `screen`. */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((entry) => ({ id: entry.id, impact: entry.impact, help: entry.help, nodes: entry.nodes.map((node) => ({ target: node.target })) }));
  });
  return violations
    .filter((entry) => entry.impact === 'serious' || entry.impact === 'critical')
    .map((entry) => `${screen}: ${entry.id} (${entry.impact}) ${entry.help} — ${entry.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)).join(', ')}`);
}
