// Runs the replay tool exactly as a script would (`npm run --silent replay -- file`) and parses
// its JSON Lines: the e2e tests compare the real extension against this prediction.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export function replayScenario(scenarioPath: string, settings?: object): ReplayOutput {
  const args = ['tsx', 'tools/replay/cli.ts', scenarioPath];
  if (settings) {
    const file = join(mkdtempSync(join(tmpdir(), 'callpop-replay-')), 'settings.json');
    writeFileSync(file, JSON.stringify(settings));
    args.push('--settings', file);
  }
  const run = spawnSync('npx', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`replay failed: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  const summaryLine = lines.pop() as { summary: ReplayOutput['summary'] };
  return { frames: lines as unknown as ReplayFrameLine[], summary: summaryLine.summary };
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
