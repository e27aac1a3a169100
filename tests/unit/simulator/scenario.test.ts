import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScenario, parseScenario, readScenarioFile } from '../../../tools/simulator/simulator';

const FIXTURES = join(import.meta.dirname, '../../fixtures/scenarios');
const fixtureFiles = readdirSync(FIXTURES).filter((name) => name.endsWith('.jsonl'));

describe('parseScenario', () => {
  it('reads lines in order and skips blank lines', () => {
    const text = '{"delayMs":0,"frame":"a"}\n\n   \r\n{"delayMs":250,"frame":"{\\"event\\":\\"call.dial\\"}"}\r\n';
    expect(parseScenario(text)).toEqual([
      { delayMs: 0, frame: 'a' },
      { delayMs: 250, frame: '{"event":"call.dial"}' },
    ]);
  });

  it.each([
    ['not JSON', '{"delayMs":0,"frame":"a"}\n\n{oops', /line 3: not valid JSON/],
    ['an array', '[1,2]', /line 1: expected an object/],
    ['a negative delay', '{"delayMs":0,"frame":"a"}\n{"delayMs":-5,"frame":"b"}', /line 2: "delayMs"/],
    ['a string delay', '{"delayMs":"10","frame":"b"}', /line 1: "delayMs"/],
    ['a non-string frame', '{"delayMs":10,"frame":{"event":"call.dial"}}', /line 1: "frame" must be a string/],
  ])('names the line of %s', (_name, text, message) => {
    expect(() => parseScenario(text)).toThrow(message);
  });

  it('round-trips any scenario through formatScenario', () => {
    const line = fc.record({ delayMs: fc.nat({ max: 1e9 }), frame: fc.string({ unit: 'grapheme', maxLength: 200 }) });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        expect(parseScenario(formatScenario(lines))).toEqual(lines);
      }),
      { numRuns: 1000 },
    );
  });

  it('either parses or throws an Error naming a line, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          const lines = parseScenario(text);
          for (const line of lines) expect(typeof line.frame).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/^scenario line \d+: /);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('shipped scenario fixtures', () => {
  it('include every documented scenario', () => {
    expect(fixtureFiles.sort()).toEqual([
      'duplicates-out-of-order.jsonl', 'group-call.jsonl', 'incoming-answered.jsonl', 'incoming-missed.jsonl',
      'internal-call.jsonl', 'malformed.jsonl', 'outgoing-answered.jsonl', 'outgoing-unanswered.jsonl',
      'pause-available.jsonl', 'pbx-error.jsonl', 'several-crms.jsonl', 'unknown-client.jsonl', 'xss.jsonl',
    ]);
  });

  it.each(fixtureFiles)('%s parses and plays in under 10 s', (name) => {
    const lines = readScenarioFile(join(FIXTURES, name));
    expect(lines.length).toBeGreaterThan(0);
    const total = lines.reduce((sum, line) => sum + line.delayMs, 0);
    expect(total).toBeLessThan(10_000);
  });

  it.each(fixtureFiles.filter((name) => name !== 'malformed.jsonl'))('%s has only JSON object frames whose serverTime follows the delays', (name) => {
    const lines = readScenarioFile(join(FIXTURES, name));
    let elapsed = 0;
    let anchor: number | null = null;
    for (const line of lines) {
      elapsed += line.delayMs;
      const frame = JSON.parse(line.frame) as Record<string, unknown>;
      expect(frame).toBeTypeOf('object');
      expect(typeof frame.event).toBe('string');
      const serverTime = Number(frame.serverTime);
      // Re-sent duplicates keep their original serverTime, so they may lag the clock.
      anchor ??= serverTime - elapsed;
      expect(serverTime).toBeLessThanOrEqual(anchor + elapsed);
      expect(serverTime).toBeGreaterThan(1_764_000_000_000);
    }
  });

  it('the internal call is 102 calling 101 with no trunk and no CRM', () => {
    const [dial] = readScenarioFile(join(FIXTURES, 'internal-call.jsonl'));
    const frame = JSON.parse(dial?.frame ?? '') as Record<string, { ext?: string } | null | number>;
    expect(frame).toMatchObject({ lgDirection: 1, leg: { ext: '102' }, leg2: { ext: '101' }, otherLegs: null, trunkNum: null });
  });

  it('the group call links its member call to 101 through parentUuid', () => {
    const frames = readScenarioFile(join(FIXTURES, 'group-call.jsonl')).map((line) => JSON.parse(line.frame) as { uuid: string; parentUuid: string | null; leg: { type: number; ext: string } });
    const group = frames.find((frame) => frame.leg.type === 2);
    const member = frames.find((frame) => frame.parentUuid !== null);
    expect(group?.leg.ext).toBe('500');
    expect(member?.parentUuid).toBe(group?.uuid);
    expect(member?.leg.ext).toBe('101');
  });
});
