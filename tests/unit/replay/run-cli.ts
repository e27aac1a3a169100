// Runs the replay CLI as a user would and splits what it printed.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: Record<string, unknown>[];
}

export function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'callpop-replay-test-')), name);
  writeFileSync(file, text);
  return file;
}

/** A scenario file from frames (text or objects) with delays. */
export function scenarioFile(steps: ReadonlyArray<{ delayMs: number; frame: string }>): string {
  return tempFile('scenario.jsonl', steps.map((step) => JSON.stringify(step)).join('\n') + '\n');
}

/** Asynchronous, so the tests of a file can run side by side (each start of tsx takes seconds). */
export function runReplayCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'tools/replay/cli.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve(parseRun(status, stdout, stderr)));
  });
}

function parseRun(status: number | null, stdout: string, rawStderr: string): CliRun {
  const lines = stdout.trim() === '' ? [] : stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  // npm may warn about its own config on stderr; only our lines matter.
  const stderr = rawStderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn')).join('\n');
  return { status, stdout, stderr, lines };
}
