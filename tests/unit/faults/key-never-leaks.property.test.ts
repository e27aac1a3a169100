// Issue 16, finding 1: a PBX error text that quotes the API key, anywhere and in any encoding,
// never leaves a 6-character piece of the key in health, diagnostics, the copied report, the
// stored call state or a console line. The old code cut the text to 500 characters first and
// masked the exact key after, so a key across the cut left its prefix behind.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { configWith, t } from '../calls/call-events';
import { processFrame } from '../../../src/calls/process-frame';
import { createInitialState } from '../../../src/calls/initial-state';
import { FrameStats } from '../../../src/background/frame-stats';
import { ConnectionManager, type ConnectionDeps } from '../../../src/background/connection';
import { INITIAL_HEALTH } from '../../../src/connection/health';
import { diagnosticsReport } from '../../../src/options/diagnostics-report';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { MAX_ERROR_MESSAGE_LENGTH } from '../../../src/protocol/error-summary';

const KEY_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=%@'];
const keyArb = fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 8, maxLength: 48 });
const encodings = ['raw', 'param', 'percent', 'form', 'double', 'json', 'percent-query'] as const;
type Encoding = (typeof encodings)[number];

function embed(key: string, how: Encoding): string {
  switch (how) {
    case 'raw':
      return key;
    case 'param':
      return `wss://q.pbx.vega.ua/live?domain=q&apiKey=${key}&subscriber=101`;
    case 'percent':
      return `apiKey=${encodeURIComponent(key)}`;
    case 'form':
      return new URLSearchParams({ apiKey: key }).toString();
    case 'double':
      return encodeURIComponent(`?apiKey=${encodeURIComponent(key)}`);
    case 'json':
      return JSON.stringify({ apiKey: key });
    case 'percent-query':
      return encodeURIComponent(`wss://h/x?apiKey=${key}&s=1`);
  }
}

/** Every 6-character piece of the key. */
const piecesOf = (key: string) => Array.from({ length: key.length - 5 }, (_, i) => key.slice(i, i + 6));

function harnessDeps(): ConnectionDeps {
  return {
    createSocket: () => {
      throw new Error('no sockets in this test');
    },
    now: () => 1_700_000_000_000,
    random: () => 0.5,
    setTimer: () => 0,
    clearTimer: () => undefined,
    onFrame: () => undefined,
    onHealth: () => undefined,
    isOnline: () => true,
    keepWorkerBusy: () => undefined,
    onKeepAliveRecord: () => undefined,
    onReplaced: () => undefined,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('the API key in a PBX error text', () => {
  it('is masked before the text is cut: a key across the 500-character limit leaves no prefix', () => {
    const key = 'a1b2c3d4e5f6a7b8c9d0e1f2';
    const text = `${'x'.repeat(MAX_ERROR_MESSAGE_LENGTH - 20)} …&apiKey=${key}&subscriber=101 and the key again ${key}`;
    const state = createInitialState();
    const { result } = processFrame(state, JSON.stringify({ event: 'error', message: text }), 1, { ...configWith(), secrets: [key] });
    expect(result.kind === 'error' && result.message).not.toContain('a1b2c3');
    expect(JSON.stringify(state)).not.toContain('a1b2c3');
  });

  it('masks any apiKey= value, raw, percent- or form-encoded, even a key it was never told', () => {
    const other = 'Zz9+Yy8/Xx7=';
    for (const quoted of [`?apiKey=${other}&x=1`, `apiKey%3D${encodeURIComponent(other)}%26x%3D1`, new URLSearchParams({ api_key: other }).toString(), JSON.stringify({ apiKey: other })]) {
      const { result } = processFrame(createInitialState(), JSON.stringify({ event: 'error', message: `denied ${quoted}` }), 1, configWith());
      expect(result.kind === 'error' && result.message, quoted).not.toMatch(/Zz9|Yy8|Xx7/);
    }
  });

  it('leaves no 6-character piece of itself anywhere the extension keeps, shows, copies or logs text', () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    fc.assert(
      fc.property(
        keyArb,
        fc.constantFrom(...encodings),
        fc.string({ maxLength: 700 }),
        fc.oneof(fc.constant('start'), fc.constant('end'), fc.constant('cut'), fc.nat({ max: 700 })),
        fc.constantFrom('message', 'error', 'description', 'reason', 'nested', 'unknown-field'),
        (key, how, filler, where, field) => {
          const pieces = piecesOf(key);
          // A filler that happens to contain a piece of the key would prove nothing.
          fc.pre(!pieces.some((p) => filler.includes(p) || JSON.stringify(filler).includes(p)));
          const quoted = embed(key, how);
          // 'cut': the key straddles the 500-character limit of the summary.
          const at = where === 'start' ? 0 : where === 'end' ? filler.length : where === 'cut' ? Math.max(0, MAX_ERROR_MESSAGE_LENGTH - 10 - quoted.length / 2) : where;
          const padded = filler.padEnd(at, 'x');
          const text = padded.slice(0, at) + quoted + padded.slice(at);
          const frame =
            field === 'nested'
              ? { event: 'error', error: { code: 401, message: text } }
              : field === 'unknown-field'
                ? { event: 'error', detail: text }
                : { event: 'error', [field]: text };
          logged.length = 0;
          const state = createInitialState();
          const { result } = processFrame(state, JSON.stringify(frame), 1_700_000_000_000, { ...configWith(), secrets: [key] });
          expect(result.kind).toBe('error');
          const connection = new ConnectionManager({ ...INITIAL_HEALTH }, harnessDeps());
          const stats = new FrameStats(INITIAL_HEALTH);
          if (result.kind === 'error') stats.notePbxError(result.message, 1_700_000_000_000);
          const health = { ...connection.getHealth(), ...stats.snapshot() };
          const reportFor = (apiKey: string) =>
            diagnosticsReport(
              { settings: { ...DEFAULT_SETTINGS, domain: 'q.pbx.vega.ua', apiKey, subscriber: '101' }, locked: [], ignoredByPolicy: [], health, extraSecrets: [], now: new Date(0), formatTime: String, userAgent: 'test' },
              t,
            );
          // The report as the agent copies it, and as the options page makes it for a policy key it never receives.
          const places = { health: JSON.stringify(health), state: JSON.stringify(state), result: JSON.stringify(result), report: reportFor(key), policyReport: reportFor(''), console: logged.join('\n') };
          for (const [place, value] of Object.entries(places)) {
            for (const piece of pieces) expect(value.includes(piece), `${place} holds "${piece}"`).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  }, 60_000);
});
