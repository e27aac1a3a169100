// The replay tool's prediction for a scenario: the e2e tests compare the real extension against it.
import { readFileSync } from 'node:fs';
import { catalogTranslator } from '../../../tools/i18n/load-catalog';
import { parseScenario } from '../../../tools/replay/scenario';
import { parseReplaySettings } from '../../../tools/replay/replay-settings';
import { runReplay } from '../../../tools/replay/run-replay';

export interface ReplayOp { op: 'create' | 'update' | 'clear'; id: string; call: string | null; kind: string; title: string; message: string; url: string | null }
export interface ReplayFrameLine { frame: number; accepted: boolean; kind: string | null; problem: string | null; notifications: ReplayOp[] }
export interface ReplayCall {
  uuid: string;
  parentUuid: string | null;
  direction: string;
  status: string;
  outcome: string | null;
  dialAt: number | null;
  bridgeAt: number | null;
  caller: { name: string | null; company: string | null; number: string | null; url: string | null };
  crm: unknown[];
}
export interface ReplayOutput {
  frames: ReplayFrameLine[];
  summary: { frames: number; rejected: number; presence: string | null; calls: ReplayCall[] };
}

/**
 * The replay tool's output for a scenario, computed in-process with the tool's own modules
 * (the CLI is a thin printer around them, tested on its own in tests/unit/replay): spawning
 * it costs seconds per call on a 2-core machine.
 */
export function replayScenario(scenarioPath: string, settings?: object): ReplayOutput {
  const scenario = parseScenario(readFileSync(scenarioPath, 'utf8'));
  if (!scenario.ok) throw new Error(`bad scenario ${scenarioPath}: ${scenario.error}`);
  const parsed = parseReplaySettings(settings ? JSON.stringify(settings) : null);
  if (!parsed.ok) throw new Error(`bad replay settings: ${parsed.error}`);
  const historyLimit = parsed.historyLimitSet ? parsed.settings.historyLimit : Number.MAX_SAFE_INTEGER;
  const lines = JSON.parse(JSON.stringify(runReplay(scenario.steps, parsed.settings, historyLimit, catalogTranslator('en')))) as object[];
  const summaryLine = lines.pop() as { summary: ReplayOutput['summary'] };
  return { frames: lines as ReplayFrameLine[], summary: summaryLine.summary };
}

/** The notifications a replay leaves on screen at the end: created or updated, not cleared since. */
export function notificationsLeftShown(output: ReplayOutput): string[] {
  const shown = new Set<string>();
  for (const line of output.frames) {
    for (const op of line.notifications) {
      if (op.op === 'clear') shown.delete(op.id);
      else shown.add(op.id);
    }
  }
  return [...shown].sort();
}
