// Scenario files: JSON Lines of {"delayMs": n, "frame": "<the exact text frame>"}; blank lines skipped.
export interface ScenarioStep {
  delayMs: number;
  frame: string;
}

export type ScenarioParse = { ok: true; steps: ScenarioStep[] } | { ok: false; error: string };

function stepOrReason(value: unknown): ScenarioStep | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const { delayMs, frame } = value as Record<string, unknown>;
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) return '"delayMs" must be a number ≥ 0';
  if (typeof frame !== 'string') return '"frame" must be a string (the frame text)';
  return { delayMs, frame };
}

export function parseScenario(text: string): ScenarioParse {
  const steps: ScenarioStep[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, error: `line ${index + 1}: not valid JSON` };
    }
    const step = stepOrReason(value);
    if (typeof step === 'string') return { ok: false, error: `line ${index + 1}: ${step}` };
    steps.push(step);
  }
  return { ok: true, steps };
}
