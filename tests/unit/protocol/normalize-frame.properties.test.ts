// Properties over outside input: whatever the socket delivers, normalizeFrame answers with one
// of four kinds and never throws; lenient spellings mean the same thing; links stay safe.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallEvent, NormalizeResult } from '../../../src/protocol/events';
import { normalizeFrame } from '../../../src/protocol/normalize-frame';
import { formatPath } from '../../../src/protocol/rejection-reason';
import { MUTABLE_PATHS, bridgeFrame, crmCardOf, dialFrame, hangupFrame, legOf, mutate, wire, type WireFrame } from './frame-builders';

const RUNS = { numRuns: 1000 };
const KINDS = ['call', 'presence', 'error', 'rejected'];

function expectWellFormed(result: NormalizeResult): void {
  expect(KINDS).toContain(result.kind);
  if (result.kind === 'rejected') expect(result.reason.trim()).not.toBe('');
}

function callOf(frame: WireFrame): CallEvent {
  const result = normalizeFrame(wire(frame));
  if (result.kind !== 'call') throw new Error(`expected a call, got ${JSON.stringify(result)}`);
  return result;
}

describe('never throws', () => {
  it('on arbitrary strings', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(text, (data) => expectWellFormed(normalizeFrame(data))),
      RUNS,
    );
  });

  it('on arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormed(normalizeFrame(JSON.stringify(value)))),
      RUNS,
    );
  });

  it('on arbitrary non-string values, rejecting them as binary frames', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((value) => typeof value !== 'string'),
        (value) => {
          const result = normalizeFrame(value);
          expect(result.kind === 'rejected' && result.reason).toMatch(/^binary frame/);
        },
      ),
      RUNS,
    );
  });

  it('on JSON objects with the known keys set to arbitrary values', () => {
    const keys = ['event', 'uuid', 'parentUuid', 'lgDirection', 'leg', 'leg2', 'otherLegs', 'dialAt', 'serverTime'];
    const frame = fc.record(Object.fromEntries(keys.map((key) => [key, fc.jsonValue()])), { requiredKeys: [] });
    fc.assert(
      fc.property(frame, (value) => expectWellFormed(normalizeFrame(JSON.stringify(value)))),
      RUNS,
    );
  });
});

describe('mutated valid frames', () => {
  const base = fc.constantFrom(
    dialFrame({ leg2: legOf({ id: 8 }), otherLegs: [crmCardOf(), crmCardOf({ id: null, priority: 2 })] }),
    bridgeFrame({ lgDirection: 1, leg2: legOf({ id: 9 }), otherLegs: [crmCardOf(), crmCardOf()] }),
    hangupFrame({ lgDirection: 2, leg2: legOf(), otherLegs: [crmCardOf({ priority: 3 }), crmCardOf({ priority: 1 })] }),
  );
  const replacement = fc.option(fc.record({ set: fc.jsonValue() }), { nil: null, freq: 4 });

  it('yield a call, or a rejection naming the mutated field (presence/error only via lgDirection/event)', () => {
    fc.assert(
      fc.property(base, fc.constantFrom(...MUTABLE_PATHS), replacement, (frame, path, value) => {
        const result = normalizeFrame(wire(mutate(frame, path, value)));
        const field = formatPath(path);
        if (result.kind === 'rejected') {
          expect(result.reason).not.toBe('');
          expect(result.reason).toContain(field);
        } else if (result.kind === 'presence') {
          expect(field).toBe('lgDirection');
        } else if (result.kind === 'error') {
          expect(value).toEqual({ set: 'error' });
        } else {
          expect(result.kind).toBe('call');
        }
      }),
      RUNS,
    );
  });
});

describe('numbers and numeric strings mean the same', () => {
  const timeMs = fc.integer({ min: 1e12, max: 4e12 });
  const numericFrame = fc.record({
    lgDirection: fc.constantFrom(1, 2, 4, 32, 64),
    uuid: fc.integer({ min: 0 }),
    legId: fc.integer({ min: 0 }),
    legType: fc.integer({ min: 0, max: 8 }),
    ext: fc.integer({ min: 0, max: 99999 }),
    cards: fc.array(fc.record({ id: fc.integer({ min: 0 }), priority: fc.integer({ min: -5, max: 5 }) }), {
      maxLength: 4,
    }),
    dialAt: timeMs,
    bridgeAt: timeMs,
    serverTime: fc.integer({ min: 1, max: 1e12 - 1 }),
  });

  it('normalizes a frame with numbers and the same frame with numeric strings identically', () => {
    fc.assert(
      fc.property(numericFrame, fc.boolean(), (f, padded) => {
        const spell = (n: number): string => (padded ? ` ${n} ` : String(n));
        const build = (text: (n: number) => number | string): WireFrame =>
          dialFrame({
            lgDirection: text(f.lgDirection),
            uuid: text(f.uuid),
            leg: legOf({ id: text(f.legId), type: text(f.legType), ext: text(f.ext) }),
            otherLegs: f.cards.map((card) => crmCardOf({ id: text(card.id), priority: text(card.priority) })),
            dialAt: text(f.dialAt),
            bridgeAt: text(f.bridgeAt),
            serverTime: text(f.serverTime),
          });
        const numbers = normalizeFrame(wire(build((n) => n)));
        expect(numbers.kind).not.toBe('rejected');
        expect(normalizeFrame(wire(build(spell)))).toEqual(numbers);
      }),
      RUNS,
    );
  });
});

describe('seconds and milliseconds', () => {
  it('multiplies a time below 10^12 by 1000 and keeps one at or above as is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 - 1 }), fc.integer({ min: 1e12, max: 8.64e15 }), (seconds, ms) => {
        const event = callOf(dialFrame({ dialAt: seconds, bridgeAt: ms, serverTime: String(seconds) }));
        expect(event.dialAt).toBe(seconds * 1000);
        expect(event.serverTime).toBe(seconds * 1000);
        expect(event.bridgeAt).toBe(ms);
      }),
      RUNS,
    );
  });
});

describe('CRM card order', () => {
  it('is a stable sort by ascending priority with missing priority last; primary is the first known client', () => {
    const card = fc.record({ priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), known: fc.boolean() });
    fc.assert(
      fc.property(fc.array(card, { maxLength: 12 }), (cards) => {
        const wireCards = cards.map((c, index) => crmCardOf({ name: `card ${index}`, priority: c.priority, id: c.known ? index : null }));
        const event = callOf(dialFrame({ otherLegs: wireCards }));
        const rank = (p: number | null) => (p === null ? Number.POSITIVE_INFINITY : p);
        const expected = cards
          .map((c, index) => ({ ...c, index }))
          .sort((a, b) => rank(a.priority) - rank(b.priority) || a.index - b.index)
          .map((c) => `card ${c.index}`);
        expect(event.crm.map((c) => c.name)).toEqual(expected);
        const firstKnown = event.crm.findIndex((c) => c.id !== null);
        expect(event.primary).toBe(cards.length === 0 ? null : Math.max(firstKnown, 0));
      }),
      RUNS,
    );
  });
});

describe('CRM link safety', () => {
  const unsafe = fc.oneof(
    fc.string().map((rest) => `javascript:${rest}`),
    fc.string().map((rest) => `JaVaScRiPt:${rest}`),
    fc.string().map((rest) => `data:text/html,${rest}`),
    fc.string().map((rest) => `vbscript:${rest}`),
    fc.webPath().map((path) => `/relative${path}`),
    // Without a scheme a string can only be relative or garbage.
    fc.string().filter((s) => !s.includes(':') && s.trim() !== ''),
    fc.webUrl().map((url) => url.replace(/^https?/, 'java\tscript')),
  );

  it('turns javascript:, data:, relative and garbage links into null, flagged as rejected', () => {
    fc.assert(
      fc.property(unsafe, (url) => {
        const [card] = callOf(dialFrame({ otherLegs: [crmCardOf({ url })] })).crm;
        expect(card).toMatchObject({ url: null, urlRejected: true });
      }),
      RUNS,
    );
  });

  it('keeps an absolute http(s) link', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        const [card] = callOf(dialFrame({ otherLegs: [crmCardOf({ url })] })).crm;
        expect(card?.urlRejected).toBe(false);
        expect(card?.url).toBe(new URL(url).href);
        expect(card?.url).toMatch(/^https?:\/\//);
      }),
      RUNS,
    );
  });
});

describe('prototype keys', () => {
  const dangerous = fc.constantFrom('__proto__', 'constructor', 'prototype');

  it('never pollute Object.prototype nor change the result, wherever they appear', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const base = wire(dialFrame({ leg2: legOf({ id: 9 }) }));
    const expected = normalizeFrame(base);
    expect(expected.kind).toBe('call');
    fc.assert(
      fc.property(dangerous, fc.jsonValue(), fc.constantFrom('^', '"leg":', '"otherLegs":[', '"leg2":'), (key, value, at) => {
        const injected = `${JSON.stringify(key)}:${JSON.stringify(value)},`;
        const text = at === '^' ? `{${injected}${base.slice(1)}` : base.replace(`${at}{`, () => `${at}{${injected}`);
        expect(text).not.toBe(base);
        expect(normalizeFrame(text)).toEqual(expected);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      }),
      RUNS,
    );
  });
});
