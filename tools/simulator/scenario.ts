// Scenario files are JSON Lines of `{"delayMs": n, "frame": "<exact text>"}`: the frame is
// kept as text so fixtures can carry malformed frames byte for byte.
import { readFileSync } from 'node:fs';

export interface ScenarioLine {
  /** Wait this long after the previous line (or the start) before sending. */
  delayMs: number;
  /** The exact text frame to send. */
  frame: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLine(line: string, lineNumber: number): ScenarioLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`scenario line ${lineNumber}: not valid JSON (${detail})`);
  }
  if (!isRecord(value)) {
    throw new Error(`scenario line ${lineNumber}: expected an object {"delayMs", "frame"}`);
  }
  const { delayMs, frame } = value;
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) {
    throw new Error(`scenario line ${lineNumber}: "delayMs" must be a finite number ≥ 0`);
  }
  if (typeof frame !== 'string') {
    throw new Error(`scenario line ${lineNumber}: "frame" must be a string (the exact frame text)`);
  }
  return { delayMs, frame };
}

/** Parses JSON Lines; blank lines are skipped; a bad line throws an Error naming its number. */
export function parseScenario(text: string): ScenarioLine[] {
  const lines: ScenarioLine[] = [];
  // Strip a BOM so files saved by Windows editors still parse.
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      lines.push(parseLine(line, index + 1));
    });
  return lines;
}

export function readScenarioFile(path: string): ScenarioLine[] {
  try {
    return parseScenario(readFileSync(path, 'utf8'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${path}: ${detail}`, { cause: error });
  }
}

/** One JSON Line per entry, newline-terminated: the inverse of `parseScenario`. */
export function formatScenario(lines: readonly ScenarioLine[]): string {
  return lines.map((line) => `${JSON.stringify({ delayMs: line.delayMs, frame: line.frame })}\n`).join('');
}
