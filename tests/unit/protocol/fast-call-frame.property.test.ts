// The hand-written fast path may only ever agree with the schema: whenever it answers, the
// answer is exactly what `wireCallFrame` gives; anything else is left to the schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastCallFrame } from '../../../src/protocol/fast-call-frame';
import { wireCallFrame } from '../../../src/protocol/wire-schema';
import {
  BRIDGE_AT,
  MUTABLE_PATHS,
  bridgeFrame,
  crmCardOf,
  dialFrame,
  exampleFrame,
  hangupFrame,
  legOf,
  mutate,
  wire,
  type WireFrame,
} from './frame-builders';

const RUNS = { numRuns: 2000 };

/** Both paths on the same JSON text; true when the fast path answered. */
function expectAgreement(frame: WireFrame): boolean {
  const text = wire(frame);
  const fast = fastCallFrame(JSON.parse(text) as Record<string, unknown>);
  const schema = wireCallFrame.safeParse(JSON.parse(text));
  if (fast === null) return false;
  expect(schema.success, `fast path accepted what the schema rejects: ${schema.error?.message}`).toBe(true);
  expect(fast).toStrictEqual(schema.data);
  return true;
}

/** Text as the wire may carry it: plain, padded, hostile (controls, bidi, marks, surrogates), numeric. */
const wireText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('Олена Коваль', 'ТОВ «Сонях»', ' Main line ', 'a  b', '\u202eevil', 'x\u200by', 'a\u0301\u0301\u0301\u0301\u0301', '\ud800', '№ 5 — «Ок»', ''),
  fc.stringMatching(/^[0-9 +*#()-]{0,20}$/),
);
const wireNumberish = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('1', ' 2 ', '4', '1e3', '0x10', '', ' ', 'Infinity', '1e999', '-0', '.5', '3.'),
);
const wireTime = fc.oneof(
  fc.integer({ min: -10, max: 9e15 }),
  fc.constantFrom(0, 1_700_000_000, 1_700_000_000_000, 8.64e15, 8.64e15 + 1, '1473973201000', ' 1700000000 ', '-1', '', 1e300),
);
const nullish = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, fc.constant(null), fc.constant(undefined));
const wireId = nullish(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), wireText, fc.string({ minLength: 190, maxLength: 210 })));
const wireUrl = nullish(
  fc.oneof(
    fc.webUrl(),
    fc.webUrl().map((url) => ` ${url}\t`),
    fc.constantFrom('javascript:alert(1)', 'https://user:pw@example.com/', '/relative', 'https://crm.example.com/contacts/29', 'https://[bad'),
    wireText,
    fc.integer(),
  ),
);
const party = nullish(
  fc.record(
    { id: wireId, type: nullish(wireNumberish), ext: wireId, displayName: nullish(wireText) },
    { requiredKeys: [] },
  ),
);
const card = fc.record(
  { id: wireId, name: nullish(wireText), num: nullish(fc.oneof(wireText, fc.integer())), companyName: nullish(wireText), url: wireUrl, priority: nullish(wireNumberish) },
  { requiredKeys: [] },
);

/** Frames of the document's types with lenient, edge and hostile values. */
const typedFrame = fc.record(
  {
    event: fc.constantFrom('call.dial', 'call.bridge', 'call.hangup'),
    uuid: wireId,
    parentUuid: wireId,
    lgDirection: nullish(fc.oneof(fc.constantFrom(1, 2, 4, '4', ' 2 ', 3, 32), wireNumberish)),
    leg: party,
    leg2: party,
    otherLegs: nullish(fc.array(fc.option(card, { nil: null, freq: 8 }), { maxLength: 4 })),
    dialAt: nullish(wireTime),
    bridgeAt: nullish(wireTime),
    serverTime: nullish(wireTime),
    trunkNum: nullish(fc.oneof(wireText, fc.integer())),
    trunkName: nullish(fc.oneof(wireText, fc.integer())),
  },
  { requiredKeys: ['event', 'uuid', 'lgDirection'] },
);

describe('fast call-frame path', () => {
  it('answers for the well-formed frames of the document and the simulator', () => {
    const frames = [exampleFrame(), dialFrame(), bridgeFrame({ lgDirection: 1, leg2: legOf({ id: 9 }) }), hangupFrame({ otherLegs: [crmCardOf(), null, crmCardOf({ id: null })] })];
    for (const frame of frames) expect(expectAgreement(frame)).toBe(true);
  });

  it('agrees with the schema on frames with lenient, edge and hostile values', () => {
    let answered = 0;
    fc.assert(
      fc.property(typedFrame, (frame) => {
        if (expectAgreement(frame)) answered++;
      }),
      RUNS,
    );
    // Not vacuous: most of these frames carry some invalid value, but ~7% take the fast path.
    expect(answered).toBeGreaterThan(RUNS.numRuns / 40);
  });

  it('agrees with the schema on mutated valid frames', () => {
    const base = fc.constantFrom(
      dialFrame({ leg2: legOf({ id: 8 }), otherLegs: [crmCardOf(), crmCardOf({ id: null, priority: 2 })] }),
      bridgeFrame({ lgDirection: 1, leg2: legOf({ id: 9 }), otherLegs: [crmCardOf(), crmCardOf()] }),
      hangupFrame({ lgDirection: 2, leg2: legOf(), otherLegs: [crmCardOf({ priority: 3 }), crmCardOf({ priority: 1 })] }),
    );
    const replacement = fc.option(fc.record({ set: fc.jsonValue() }), { nil: null, freq: 4 });
    fc.assert(
      fc.property(base, fc.constantFrom(...MUTABLE_PATHS), replacement, (frame, path, value) => {
        expectAgreement(mutate(frame, path, value));
      }),
      RUNS,
    );
  });

  it('agrees with the schema on objects whose known keys hold arbitrary JSON', () => {
    // Each key is absent, valid, or any JSON at all. Without the valid choice nearly every frame
    // carries some invalid value and the fast path never answers, which proves nothing.
    const valid = dialFrame({ parentUuid: 'root-1', leg2: legOf({ id: 8 }), bridgeAt: BRIDGE_AT });
    const keys = ['uuid', 'parentUuid', 'lgDirection', 'leg', 'leg2', 'otherLegs', 'dialAt', 'bridgeAt', 'serverTime', 'trunkNum', 'trunkName'];
    const value = (key: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(valid[key]) }, { weight: 1, arbitrary: fc.jsonValue() });
    const frame = fc.record(Object.fromEntries(keys.map((key) => [key, value(key)])), { requiredKeys: [] });
    let answered = 0;
    fc.assert(
      fc.property(frame, (fields) => {
        if (expectAgreement({ event: 'call.dial', uuid: 'call-1', lgDirection: 4, ...fields })) answered++;
      }),
      RUNS,
    );
    // Not vacuous: about one frame in seven takes the fast path (0 of 2,000 before the valid choice).
    expect(answered).toBeGreaterThan(RUNS.numRuns / 20);
  });
});
