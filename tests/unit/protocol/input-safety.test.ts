// What arrives before there is a frame at all: binary messages, huge strings, non-JSON, and
// JSON crafted to pollute prototypes.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FRAME_LENGTH, normalizeFrame } from '../../../src/protocol/normalize-frame';
import { dialFrame, wire } from './frame-builders';

function reasonOf(data: unknown): string {
  const result = normalizeFrame(data);
  if (result.kind !== 'rejected') throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  return result.reason;
}

describe('non-text frames', () => {
  it('rejects binary and other non-string messages as binary frames', () => {
    expect(reasonOf(new ArrayBuffer(8))).toBe('binary frame (ArrayBuffer) ignored: the PBX sends JSON text frames');
    expect(reasonOf(new Blob(['{}']))).toMatch(/^binary frame \(Blob\)/);
    expect(reasonOf(new Uint8Array(2))).toMatch(/^binary frame \(Uint8Array\)/);
    expect(reasonOf(42)).toMatch(/^binary frame \(number\)/);
    expect(reasonOf(undefined)).toMatch(/^binary frame \(undefined\)/);
    expect(reasonOf(null)).toMatch(/^binary frame \(null\)/);
  });

  it('does not throw on a hostile object whose type tag throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(normalizeFrame(hostile).kind).toBe('rejected');
  });
});

describe('size limit: 1 MiB in UTF-16 code units, checked before JSON.parse', () => {
  it('rejects a frame one unit over the limit with its size, even when it is not JSON', () => {
    const reason = reasonOf('x'.repeat(MAX_FRAME_LENGTH + 1));
    expect(reason).toBe('frame too large: 1048577 characters (UTF-16 code units), the limit is 1048576 (1 MiB)');
    expect(reason).not.toMatch(/JSON/);
  });

  it('rejects valid JSON over the limit by size', () => {
    const padded = wire(dialFrame({ padding: 'p'.repeat(MAX_FRAME_LENGTH) }));
    expect(reasonOf(padded)).toMatch(/^frame too large: \d+ characters/);
  });

  it('accepts a frame of exactly the limit', () => {
    const base = wire(dialFrame({ padding: '' }));
    const exact = wire(dialFrame({ padding: 'p'.repeat(MAX_FRAME_LENGTH - base.length) }));
    expect(exact).toHaveLength(MAX_FRAME_LENGTH);
    expect(normalizeFrame(exact).kind).toBe('call');
  });
});

describe('text that is not a JSON object', () => {
  it('rejects broken JSON with the parser message', () => {
    expect(reasonOf('{"event":')).toMatch(/^not JSON: /);
    expect(reasonOf('')).toMatch(/^not JSON: /);
  });

  it('rejects JSON that is not an object', () => {
    expect(reasonOf('[1,2]')).toBe('frame: expected a JSON object, got an array');
    expect(reasonOf('null')).toBe('frame: expected a JSON object, got null');
    expect(reasonOf('"call.dial"')).toBe('frame: expected a JSON object, got "call.dial"');
    expect(reasonOf('12')).toBe('frame: expected a JSON object, got 12');
  });
});

describe('prototype pollution', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();

  afterEach(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  const polluting = [
    '{"__proto__":{"polluted":"yes","lgDirection":32}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"prototype":{"polluted":"yes"}}',
  ];

  it('leaves Object.prototype untouched by __proto__, constructor and prototype keys anywhere', () => {
    for (const keys of polluting) {
      const payload = JSON.parse(keys) as Record<string, unknown>;
      const frames = [
        { ...dialFrame(), ...payload },
        dialFrame({ leg: payload, leg2: payload, otherLegs: [payload, { ...payload, name: 'x' }] }),
        { event: 'error', ...payload },
      ];
      for (const frame of frames) {
        // Spreading a JSON.parse result copies "__proto__" as an own key, so it reaches the wire text.
        const text = wire(frame);
        expect(text).toContain(Object.keys(payload)[0]);
        const result = normalizeFrame(text);
        expect(result.kind).not.toBe('presence');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    }
  });

  it('does not let an own __proto__ key change what the frame means', () => {
    const text = wire(dialFrame()).replace(/^\{/, '{"__proto__":{"uuid":"fake","lgDirection":64},');
    const result = normalizeFrame(text);
    expect(result).toMatchObject({ kind: 'call', uuid: 'call-1', direction: 'incoming' });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(false);
  });

  it('reads only the frame\'s own keys: a polluted Object.prototype cannot make a call frame a pause', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.defineProperty(proto, 'lgDirection', { value: 32, configurable: true, writable: true });
    try {
      const result = normalizeFrame(wire(dialFrame({ lgDirection: undefined })));
      expect(result.kind).toBe('rejected');
    } finally {
      delete proto.lgDirection;
    }
  });

  it('does not let a __proto__ inside leg or a card leak into the result', () => {
    const text = wire(dialFrame()).replace('"leg":{', '"leg":{"__proto__":{"isAdmin":true},');
    const result = normalizeFrame(text);
    expect(result.kind === 'call' && Object.getPrototypeOf(result.leg)).toBe(Object.prototype);
    expect(result.kind === 'call' && (result.leg as unknown as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
