// The replay tool's parts, in process: fast, so every rule gets a test. replay-cli.test.ts
// proves the wiring by spawning the real command.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runReplay, FALLBACK_EPOCH_MS } from '../../../tools/replay/run-replay';
import { parseScenario } from '../../../tools/replay/scenario';
import { parseReplaySettings } from '../../../tools/replay/replay-settings';
import { parseReplayArgs } from '../../../tools/replay/parse-args';
import { catalogTranslator } from '../../../tools/i18n/load-catalog';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';
import { DIAL_AT, bridgeFrame, dialFrame, hangupFrame, presenceFrame, wire } from '../protocol/frame-builders';

const t = catalogTranslator('en');
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

type Summary = { summary: { frames: number; rejected: number; presence: string | null; calls: Array<Record<string, unknown>> } };

describe('runReplay', () => {
  it('runs a virtual clock from the first serverTime, advanced by each delay before its frame', () => {
    const lines = runReplay(
      [
        { delayMs: 0, frame: wire(dialFrame({ serverTime: DIAL_AT })) },
        { delayMs: 2_500, frame: wire(bridgeFrame({ bridgeAt: undefined, serverTime: undefined })) },
      ],
      DEFAULT_SETTINGS,
      UNBOUNDED,
      t,
    );
    expect((lines.at(-1) as Summary).summary.calls).toMatchObject([{ status: 'answered', bridgeAt: DIAL_AT + 2_500 }]);
  });

  it('without any serverTime the clock starts at the fixed epoch', () => {
    const lines = runReplay([{ delayMs: 1_000, frame: wire(bridgeFrame({ bridgeAt: undefined, serverTime: undefined, dialAt: undefined })) }], DEFAULT_SETTINGS, UNBOUNDED, t);
    expect((lines.at(-1) as Summary).summary.calls).toMatchObject([{ bridgeAt: FALLBACK_EPOCH_MS + 1_000, dialAt: null }]);
  });

  it('lists every call, live or ended, in first-seen order, with presence and rejected counts', () => {
    const lines = runReplay(
      [
        { delayMs: 0, frame: wire(dialFrame({ uuid: 'first' })) },
        { delayMs: 10, frame: wire(dialFrame({ uuid: 'second' })) },
        { delayMs: 10, frame: wire(hangupFrame({ uuid: 'second', bridgeAt: null })) },
        { delayMs: 10, frame: 'not json' },
        { delayMs: 10, frame: wire(presenceFrame('available')) },
      ],
      DEFAULT_SETTINGS,
      UNBOUNDED,
      t,
    );
    const { summary } = lines.at(-1) as Summary;
    expect(summary.calls.map((c) => [c.uuid, c.status, c.outcome])).toEqual([
      ['first', 'ringing', null],
      ['second', 'ended', 'missed'],
    ]);
    expect(summary).toMatchObject({ frames: 5, rejected: 1, presence: 'available' });
  });

  it('prints exactly the documented keys, whatever the frames', () => {
    const frame = fc.oneof(
      fc.string(),
      fc.constantFrom(wire(dialFrame()), wire(bridgeFrame()), wire(hangupFrame({ bridgeAt: null })), wire(presenceFrame('away')), '{}'),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ delayMs: fc.nat(10_000), frame }), { maxLength: 8 }), (steps) => {
        const lines = runReplay(steps, DEFAULT_SETTINGS, UNBOUNDED, t) as Array<Record<string, unknown>>;
        expect(lines).toHaveLength(steps.length + 1);
        lines.slice(0, -1).forEach((line, i) => {
          expect(Object.keys(line)).toEqual(['frame', 'accepted', 'kind', 'problem', 'notifications']);
          expect(line.frame).toBe(i);
          expect(line.accepted).toBe(line.problem === null);
          for (const op of line.notifications as object[]) expect(Object.keys(op)).toEqual(['op', 'id', 'call', 'kind', 'title', 'message', 'url']);
        });
        const summary = (lines.at(-1) as Summary).summary;
        expect(Object.keys(summary)).toEqual(['frames', 'rejected', 'presence', 'calls']);
        for (const c of summary.calls) {
          expect(Object.keys(c)).toEqual(['uuid', 'parentUuid', 'direction', 'status', 'outcome', 'dialAt', 'bridgeAt', 'caller', 'crm']);
          expect(Object.keys(c.caller as object)).toEqual(['name', 'company', 'number', 'url']);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('scenario files', () => {
  it('reads JSON Lines of {delayMs, frame}, skipping blank lines', () => {
    expect(parseScenario('{"delayMs": 5, "frame": "{}"}\n\n  \n{"delayMs": 0, "frame": "x"}\n')).toEqual({
      ok: true,
      steps: [
        { delayMs: 5, frame: '{}' },
        { delayMs: 0, frame: 'x' },
      ],
    });
  });

  it.each([
    ['{"delayMs": 5, "frame": "{}"}\n{"delayMs": 5}', 'line 2'],
    ['{"delayMs": -1, "frame": "{}"}', 'line 1'],
    ['\n\n[1, 2]', 'line 3'],
    ['{"delayMs": 1, "frame": {"event": "call.dial"}}', 'line 1'],
    ['{"delayMs": 1, "frame": "{}"', 'line 1'],
  ])('rejects %j naming %s', (text, where) => {
    const parsed = parseScenario(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.startsWith(`${where}:`)).toBe(true);
  });
});

describe('settings and arguments', () => {
  it('merges partial settings over the defaults, notifications field by field', () => {
    const parsed = parseReplaySettings('{"subscriber": "202", "notifications": {"outgoing": true}}');
    expect(parsed).toMatchObject({ ok: true, historyLimitSet: false, settings: { subscriber: '202', notifications: { ...DEFAULT_SETTINGS.notifications, outgoing: true } } });
    expect(parseReplaySettings('{"historyLimit": 20}')).toMatchObject({ ok: true, historyLimitSet: true, settings: { historyLimit: 20 } });
  });

  it('refuses settings that are not valid', () => {
    for (const text of ['{', '[]', '{"historyLimit": 3}', '{"notifications": 5}', '{"notifications": {"autoOpen": "always"}}']) {
      expect(parseReplaySettings(text).ok, text).toBe(false);
    }
  });

  it('takes one scenario and an optional --settings file', () => {
    expect(parseReplayArgs(['a.jsonl', '--settings', 's.json'])).toEqual({ ok: true, scenario: 'a.jsonl', settings: 's.json' });
    expect(parseReplayArgs(['--settings', 's.json', 'a.jsonl'])).toEqual({ ok: true, scenario: 'a.jsonl', settings: 's.json' });
    for (const bad of [[], ['a', 'b'], ['a', '--settings'], ['a', '--fast'], ['a', '--settings', 'x', '--settings', 'y']]) {
      expect(parseReplayArgs(bad).ok, bad.join(' ')).toBe(false);
    }
  });

  it('a history limit from the settings drops the oldest calls from the summary', () => {
    const steps = Array.from({ length: 12 }, (_, i) => ({ delayMs: 1, frame: wire(hangupFrame({ uuid: `h${i}` })) }));
    const uuids = (limit: number) => ((runReplay(steps, DEFAULT_SETTINGS, limit, t).at(-1) as Summary).summary.calls.map((c) => c.uuid));
    expect(uuids(UNBOUNDED)).toHaveLength(12);
    expect(uuids(10)).toEqual(Array.from({ length: 10 }, (_, i) => `h${i + 2}`));
  });
});
