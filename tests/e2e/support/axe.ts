// Runs axe-core inside a real extension page. The extension's CSP forbids inline scripts, so
// addScriptTag({content}) would be blocked; page.evaluate goes through the DevTools protocol
// (Runtime.evaluate), which CSP does not apply to.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
/** The part of a Playwright or Puppeteer page that axe needs, so one helper serves Chromium and Firefox. */
export interface EvaluatingPage {
  evaluate<T>(fn: string | (() => T | Promise<T>)): Promise<unknown>;
}

const AXE_SOURCE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending nodes, with axe's one-line reason for each. */
  nodes: string[];
}

interface AxeResultsShape {
  violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
}

/** Every axe-core violation on the page as it is now (WCAG 2.x A/AA plus best practices). */
export async function axeViolations(page: EvaluatingPage): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<unknown> } }).axe;
    return JSON.parse(JSON.stringify(await axe.run(document))) as unknown;
  });
  return (results as AxeResultsShape).violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
  }));
}

/** Readable in a failed assertion: one line per violation and node. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n');
}
