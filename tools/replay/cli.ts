// `npm run --silent replay -- <scenario.jsonl> [--settings <settings.json>]`: JSON Lines on stdout,
// one per frame plus a summary. Rejected frames are data (exit 0); only bad arguments or
// unreadable files exit non-zero, with one line on stderr.
import { readFileSync } from 'node:fs';
import { catalogTranslator } from '../i18n/load-catalog';
import { parseReplayArgs } from './parse-args';
import { parseScenario } from './scenario';
import { parseReplaySettings } from './replay-settings';
import { runReplay } from './run-replay';

/** Replay keeps every call for the summary unless the settings file sets a history limit. */
const UNBOUNDED_HISTORY = Number.MAX_SAFE_INTEGER;

function fail(reason: string): never {
  process.stderr.write(`replay: ${reason.replace(/\s+/g, ' ')}\n`);
  process.exit(1);
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail(`cannot read ${what} ${JSON.stringify(path)} (${code})`);
  }
}

function main(): void {
  const args = parseReplayArgs(process.argv.slice(2));
  if (!args.ok) fail(args.error);
  const scenario = parseScenario(readText(args.scenario, 'scenario'));
  if (!scenario.ok) fail(`${args.scenario}: ${scenario.error}`);
  const settings = parseReplaySettings(args.settings === null ? null : readText(args.settings, 'settings'));
  if (!settings.ok) fail(settings.error);
  const t = catalogTranslator('en');
  const historyLimit = settings.historyLimitSet ? settings.settings.historyLimit : UNBOUNDED_HISTORY;
  const lines = runReplay(scenario.steps, settings.settings, historyLimit, t);
  process.stdout.write(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
}

main();
