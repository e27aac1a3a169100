// Issue 18: "to call back" at reducer level. For any interleaving of missed, returned, repeated
// and answered-elsewhere calls (and "Done"), the list holds exactly the callers a simple model
// says are still waiting, with the right count and first attempt.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, card, configWith, party, T0 } from './call-events';
import type { CallEvent } from '../../../src/protocol/events';
import { applyEvent } from '../../../src/calls/reducer';
import { createInitialState } from '../../../src/calls/initial-state';
import { dismissCallBack } from '../../../src/calls/call-backs';
import { numberKey } from '../../../src/calls/number-key';

/** Three callers, each written four ways the PBX and the CRMs write numbers. */
const CALLERS = [
  ['+380671234567', '0671234567', '380671234567', '067 123-45-67'],
  ['+380442223344', '0442223344', '(044) 222-33-44', '442223344'],
  ['+48221234567', '0048221234567', '+48 22 123 45 67', '+48-22-123-45-67'],
] as const;

type Kind = 'missed' | 'missed-via-group' | 'answered-here' | 'answered-elsewhere' | 'returned' | 'returned-unanswered' | 'internal-missed';

interface Plan {
  kind: Kind | 'done';
  caller: number;
  spelling: number;
  start: number;
  ringMs: number;
  talkMs: number;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  kind: fc.constantFrom<Plan['kind']>('missed', 'missed', 'missed-via-group', 'answered-here', 'answered-elsewhere', 'returned', 'returned-unanswered', 'internal-missed', 'done'),
  caller: fc.integer({ min: 0, max: CALLERS.length - 1 }),
  spelling: fc.integer({ min: 0, max: 3 }),
  start: fc.integer({ min: 0, max: 600 }),
  ringMs: fc.integer({ min: 1, max: 60 }),
  talkMs: fc.integer({ min: 1, max: 60 }),
});

interface Timed {
  at: number;
  event?: CallEvent;
  done?: string;
}

/** Every plan as timed frames (times in seconds, made unique so the order is never a tie). */
function framesOf(plans: readonly Plan[]): Timed[] {
  const out: Timed[] = [];
  plans.forEach((p, i) => {
    const number = CALLERS[p.caller]![p.spelling]!;
    const t = (s: number) => T0 + (s * 1000 + i) * 1000;
    const dial = t(p.start);
    const bridge = t(p.start + p.ringMs);
    const end = t(p.start + p.ringMs + p.talkMs);
    if (p.kind === 'done') {
      out.push({ at: dial, done: numberKey(number)! });
      return;
    }
    const uuid = `c${i}`;
    const crm = [card({ number, name: `Caller ${p.caller}` })];
    const frame = (event: CallEvent['event'], at: number, over: Partial<CallEvent>): Timed => ({
      at,
      event: call(event, { uuid, crm, dialAt: dial, bridgeAt: event === 'dial' ? null : over.bridgeAt ?? null, serverTime: at, ...over }),
    });
    const agent = party({ type: 'user', ext: '911' });
    const group = party({ id: '500', type: 'group', ext: '500', displayName: 'Sales' });
    switch (p.kind) {
      case 'missed':
        out.push(frame('dial', dial, { leg: agent }), frame('hangup', end, { leg: agent, bridgeAt: null }));
        break;
      case 'missed-via-group': {
        const member = `${uuid}-m`;
        out.push(frame('dial', dial, { leg: group }), frame('hangup', end, { leg: group, bridgeAt: null }));
        out.push(
          { at: dial + 1, event: call('dial', { uuid: member, parentUuid: uuid, crm, leg: agent, dialAt: dial + 1, bridgeAt: null, serverTime: dial + 1 }) },
          { at: end - 1, event: call('hangup', { uuid: member, parentUuid: uuid, crm, leg: agent, dialAt: dial + 1, bridgeAt: null, serverTime: end - 1 }) },
        );
        break;
      }
      case 'answered-here':
      case 'answered-elsewhere':
      case 'returned': {
        const leg = p.kind === 'answered-elsewhere' ? group : agent;
        const direction = p.kind === 'returned' ? 'outgoing' : 'incoming';
        out.push(frame('dial', dial, { leg, direction }), frame('bridge', bridge, { leg, direction, bridgeAt: bridge }), frame('hangup', end, { leg, direction, bridgeAt: bridge }));
        break;
      }
      case 'returned-unanswered':
        out.push(frame('dial', dial, { leg: agent, direction: 'outgoing' }), frame('hangup', end, { leg: agent, direction: 'outgoing', bridgeAt: null }));
        break;
      case 'internal-missed':
        out.push(
          frame('dial', dial, { direction: 'internal', crm: [], leg: party({ ext: CALLERS[p.caller]![0] }), leg2: agent }),
          frame('hangup', end, { direction: 'internal', crm: [], leg: party({ ext: CALLERS[p.caller]![0] }), leg2: agent, bridgeAt: null }),
        );
        break;
    }
  });
  return out.sort((a, b) => a.at - b.at);
}

interface Expected {
  attempts: number;
  firstAt: number;
}

/**
 * The model, written from the rule, not from the code: a missed conversation (incoming, external)
 * still waits when no call with that number was answered at or after its first ring, and no
 * "Done" came after it ended.
 */
function model(plans: readonly Plan[]): Map<string, Expected> {
  const timed = plans.map((p, i) => {
    const t = (s: number) => T0 + (s * 1000 + i) * 1000;
    return { p, key: numberKey(CALLERS[p.caller]![p.spelling])!, dial: t(p.start), bridge: t(p.start + p.ringMs), end: t(p.start + p.ringMs + p.talkMs) };
  });
  const result = new Map<string, Expected>();
  for (const m of timed) {
    if (m.p.kind !== 'missed' && m.p.kind !== 'missed-via-group') continue;
    const answeredLater = timed.some((a) => a.key === m.key && ['answered-here', 'answered-elsewhere', 'returned'].includes(a.p.kind) && a.bridge >= m.dial);
    const doneLater = timed.some((d) => d.key === m.key && d.p.kind === 'done' && d.dial > m.end);
    if (answeredLater || doneLater) continue;
    const before = result.get(m.key);
    result.set(m.key, { attempts: (before?.attempts ?? 0) + 1, firstAt: Math.min(before?.firstAt ?? m.dial, m.dial) });
  }
  return result;
}

describe('to call back (reducer)', () => {
  it('holds exactly the callers still waiting, for any interleaving', () => {
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 14 }), fc.boolean(), (plans, restartHalfway) => {
        let state = createInitialState();
        const config = configWith({}, { historyLimit: 1_000 });
        const frames = framesOf(plans);
        frames.forEach((item, index) => {
          if (item.done !== undefined) dismissCallBack(state, item.done);
          else if (item.event) applyEvent(state, item.event, item.at, config);
          // A worker restart in the middle: the state comes back from JSON storage.
          if (restartHalfway && index === Math.floor(frames.length / 2)) state = JSON.parse(JSON.stringify(state)) as typeof state;
        });
        const want = model(plans);
        const got = new Map(state.callBacks.map((entry) => [entry.key, { attempts: entry.attempts, firstAt: entry.firstAt }]));
        expect(got).toEqual(want);
        // Oldest first attempt first.
        const firsts = state.callBacks.map((entry) => entry.firstAt);
        expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps an unresolved caller after their calls left the history', () => {
    const state = createInitialState();
    const config = configWith({}, { historyLimit: 2 });
    const at = (s: number) => T0 + s * 1000;
    applyEvent(state, call('dial', { uuid: 'm', dialAt: at(0), bridgeAt: null, serverTime: at(0) }), at(0), config);
    applyEvent(state, call('hangup', { uuid: 'm', dialAt: at(0), bridgeAt: null, serverTime: at(20) }), at(20), config);
    for (let i = 0; i < 5; i++) {
      const other = [card({ number: '+380509998877' })];
      applyEvent(state, call('dial', { uuid: `x${i}`, crm: other, dialAt: at(100 + i * 10), bridgeAt: null, serverTime: at(100 + i * 10) }), at(100 + i * 10), config);
      applyEvent(state, call('hangup', { uuid: `x${i}`, crm: other, dialAt: at(100 + i * 10), bridgeAt: at(101 + i * 10), serverTime: at(105 + i * 10) }), at(105 + i * 10), config);
    }
    expect(state.history.some((record) => record.uuid === 'm')).toBe(false);
    expect(state.callBacks.map((entry) => [entry.key, entry.attempts])).toEqual([['+380671234567', 1]]);
  });
});

describe('numberKey', () => {
  it('gives every spelling of one caller the same key, and different callers different keys', () => {
    const keys = CALLERS.map((spellings) => new Set(spellings.map((spelling) => numberKey(spelling))));
    for (const set of keys) expect(set.size).toBe(1);
    expect(new Set(keys.map((set) => [...set][0])).size).toBe(CALLERS.length);
  });

  it.each([
    ['+380 67 123 45 67', '+380671234567'],
    ['8 067 123 45 67', '+380671234567'],
    ['671234567', '+380671234567'],
    ['911', '911'],
    ['', null],
    ['anonymous', null],
  ])('reads %j as %s', (input, expected) => {
    expect(numberKey(input)).toBe(expected);
  });

  it('is idempotent and ignores separators for any digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9]{3,15}$/), fc.array(fc.constantFrom(' ', '-', '(', ')', '.'), { maxLength: 4 }), (number, separators) => {
        const key = numberKey(number);
        expect(key).not.toBeNull();
        expect(numberKey(key)).toBe(key);
        let spaced = number;
        for (const [i, separator] of separators.entries()) spaced = spaced.slice(0, i + 2) + separator + spaced.slice(i + 2);
        expect(numberKey(spaced)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });
});
