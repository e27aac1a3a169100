// The presence frame's fast path, like the call frame's, may only ever agree with the schema:
// whenever it answers, the answer is exactly what `wirePresenceFrame` gives; the rest is zod's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastPresenceFrame } from '../../../src/protocol/fast-call-frame';
import { wirePresenceFrame } from '../../../src/protocol/wire-schema';
import { normalizeFrame } from '../../../src/protocol/normalize-frame';
import { legOf, presenceFrame, wire, type WireFrame } from './frame-builders';

const RUNS = { numRuns: 2000 };

/** Both paths on the same JSON text; true when the fast path answered. */
function expectAgreement(frame: WireFrame): boolean {
  const text = wire(frame);
  const fast = fastPresenceFrame(JSON.parse(text) as Record<string, unknown>);
  const schema = wirePresenceFrame.safeParse(JSON.parse(text));
  if (fast === null) {
    // Only a frame the schema has something to say about goes the long way.
    expect(schema.success, 'fast path declined a frame the schema accepts').toBe(false);
    return false;
  }
  expect(schema.success, `fast path accepted what the schema rejects: ${schema.error?.message}`).toBe(true);
  expect(fast).toStrictEqual(schema.data);
  return true;
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('Олена Коваль', ' 911 ', '\u202eevil', 'x\u200by', '\ud800', '', ' '),
  fc.string({ minLength: 60, maxLength: 210 }),
);
const numberish = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('1', ' 2 ', '4', '1e3', '0x10', '', ' ', 'Infinity'));
const time = fc.oneof(fc.integer({ min: -10, max: 9e15 }), fc.constantFrom(0, 1_700_000_000, 8.64e15 + 1, '1473973201000', ' 1700000000 ', '-1', '', 1e300));
const nullish = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, fc.constant(null), fc.constant(undefined));
const id = nullish(fc.oneof(fc.integer(), text));
const leg = nullish(fc.record({ id, type: nullish(numberish), ext: id, displayName: nullish(text) }, { requiredKeys: [] }));

describe('fast presence-frame path', () => {
  it('answers for the well-formed frames of the document', () => {
    for (const frame of [presenceFrame('away'), presenceFrame('available'), presenceFrame('away', { leg: null, serverTime: null })]) {
      expect(expectAgreement(frame)).toBe(true);
    }
  });

  it('agrees with the schema on lenient, edge and hostile values', () => {
    let answered = 0;
    fc.assert(
      fc.property(leg, nullish(time), (wireLeg, serverTime) => {
        if (expectAgreement({ lgDirection: 32, leg: wireLeg, serverTime })) answered++;
      }),
      RUNS,
    );
    expect(answered).toBeGreaterThan(RUNS.numRuns / 20);
  });

  it('agrees with the schema when its keys hold arbitrary JSON', () => {
    const value = (valid: unknown) => fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: fc.jsonValue() });
    let answered = 0;
    fc.assert(
      fc.property(value(legOf()), value(1_700_000_000_000), (wireLeg, serverTime) => {
        if (expectAgreement({ lgDirection: 64, leg: wireLeg, serverTime })) answered++;
      }),
      RUNS,
    );
    expect(answered).toBeGreaterThan(RUNS.numRuns / 4);
  });

  it('leaves the rejection and its reason to the schema', () => {
    const result = normalizeFrame(wire(presenceFrame('away', { serverTime: -5 })));
    expect(result).toEqual({ kind: 'rejected', reason: expect.stringContaining('serverTime') as unknown });
  });
});
