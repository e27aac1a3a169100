import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameTimeMs, rewriteTimes } from '../../../tools/simulator/rewrite-times';

const timeValue = fc.oneof(
  fc.integer({ min: 1_000_000_000_000, max: 2_000_000_000_000 }),
  fc.integer({ min: 1_000_000_000_000, max: 2_000_000_000_000 }).map(String),
  fc.constant(null),
);

describe('rewriteTimes', () => {
  it('shifts dialAt, bridgeAt and serverTime, keeping string as string', () => {
    const frame = '{"event":"call.bridge","uuid":"1764000000000","dialAt":1764000000000,"bridgeAt":null,"serverTime":"1764000001000","leg":{"id":1764000000000}}';
    expect(JSON.parse(rewriteTimes(frame, 5_000))).toEqual({
      event: 'call.bridge', uuid: '1764000000000', dialAt: 1764000005000, bridgeAt: null, serverTime: '1764000006000', leg: { id: 1764000000000 },
    });
  });

  it('shifts second-valued times by whole seconds', () => {
    expect(JSON.parse(rewriteTimes('{"dialAt":1764000000,"serverTime":"1764000001"}', 60_000))).toEqual({ dialAt: 1764000060, serverTime: '1764000061' });
  });

  it.each(['not json', '[1,2,3]', 'null', '"text"', '{"dialAt":"yesterday"}', '{ "event": "call.dial" }'])('leaves %j untouched', (frame) => {
    expect(rewriteTimes(frame, 12_345)).toBe(frame);
  });

  it('moves only the time fields, by exactly the shift, for any frame', () => {
    const frameObject = fc.record({
      event: fc.constantFrom('call.dial', 'call.bridge', 'call.hangup'),
      uuid: fc.uuid(),
      lgDirection: fc.constantFrom(1, 2, 4, '4'),
      dialAt: timeValue,
      bridgeAt: timeValue,
      serverTime: timeValue,
      trunkNum: fc.option(fc.string()),
      extra: fc.jsonValue(),
    });
    fc.assert(
      fc.property(frameObject, fc.integer({ min: -1e10, max: 1e10 }), (object, shift) => {
        const result = JSON.parse(rewriteTimes(JSON.stringify(object), shift)) as Record<string, unknown>;
        for (const [key, value] of Object.entries(object)) {
          if (key === 'dialAt' || key === 'bridgeAt' || key === 'serverTime') {
            if (value === null) expect(result[key]).toBeNull();
            else {
              expect(typeof result[key]).toBe(typeof value);
              expect(Number(result[key]) - Number(value)).toBe(shift);
            }
          } else {
            expect(result[key]).toEqual(JSON.parse(JSON.stringify(value)));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and never changes text that is not a JSON object', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), (text, shift) => {
        const out = rewriteTimes(text, shift);
        let isObject = false;
        try {
          const value: unknown = JSON.parse(text);
          isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
        } catch {
          isObject = false;
        }
        if (!isObject) expect(out).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the frame time from serverTime, else dialAt', () => {
    expect(frameTimeMs('{"serverTime":"1764000001000","dialAt":1}')).toBe(1764000001000);
    expect(frameTimeMs('{"dialAt":1764000000}')).toBe(1764000000000);
    expect(frameTimeMs('oops')).toBeNull();
  });
});
