// `replay <scenario.jsonl> [--settings <settings.json>]`, nothing else.
export type ReplayArgs = { ok: true; scenario: string; settings: string | null } | { ok: false; error: string };

export const USAGE = 'usage: replay <scenario.jsonl> [--settings <settings.json>]';

export function parseReplayArgs(argv: readonly string[]): ReplayArgs {
  let scenario: string | null = null;
  let settings: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--settings') {
      const value = argv[i + 1];
      if (value === undefined || value === '') return { ok: false, error: `--settings needs a file; ${USAGE}` };
      if (settings !== null) return { ok: false, error: `--settings given twice; ${USAGE}` };
      settings = value;
      i++;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, error: `unknown option ${JSON.stringify(arg)}; ${USAGE}` };
    } else if (scenario === null) {
      scenario = arg;
    } else {
      return { ok: false, error: `more than one scenario file; ${USAGE}` };
    }
  }
  if (scenario === null || scenario === '') return { ok: false, error: `no scenario file; ${USAGE}` };
  return { ok: true, scenario, settings };
}
