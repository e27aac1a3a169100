// The lookup by number of the "to call back" list (call-back-index.ts) only makes lookups cheaper:
// for any sequence of missed and answered calls, "Done", expiry, clears, restores, foreign lists
// (repeated keys included) and floods past the cap, it answers what a scan of the list answers,
// and a state whose index is rebuilt before every step ends with exactly the same list.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CallBackEntry, CallRecord, CallsState } from '../../../src/calls/types';
import { createInitialState } from '../../../src/calls/initial-state';
import { callBackFor, replaceCallBacks } from '../../../src/calls/call-back-index';
import {
  CALL_BACK_MAX_AGE_MS,
  MAX_CALL_BACKS,
  dismissCallBack,
  expireCallBacks,
  noteAnsweredCall,
  noteMissedConversation,
} from '../../../src/calls/call-backs';
import { clearHistory } from '../../../src/calls/seen-and-clear';
import { T0 } from './call-events';
import { endedRecord } from '../popup/call-fixtures';

const KEYS = ['+380671234567', '+380442223344', '+48221234567', '+380509998877', '+380931112233'] as const;
/** Keys of the flood entries: never one of KEYS. */
const floodKey = (i: number) => `+1555${String(i).padStart(7, '0')}`;

type Op =
  | { type: 'missed'; key: number; root: number; atS: number }
  | { type: 'answered'; key: number; direction: CallRecord['direction'] }
  | { type: 'dismiss'; key: number }
  | { type: 'expire'; afterS: number }
  | { type: 'clear' }
  | { type: 'restore' }
  | { type: 'foreign'; keys: number[] }
  | { type: 'flood'; size: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.constant('missed' as const), key: fc.nat(KEYS.length - 1), root: fc.nat(6), atS: fc.integer({ min: -300, max: 1_000 }) }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('answered' as const), key: fc.nat(KEYS.length - 1), direction: fc.constantFrom<CallRecord['direction']>('incoming', 'outgoing', 'internal') }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('dismiss' as const), key: fc.nat(KEYS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('expire' as const), afterS: fc.constantFrom(0, 500, CALL_BACK_MAX_AGE_MS / 1000 + 500) }) },
  { weight: 1, arbitrary: fc.constant<Op>({ type: 'clear' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ type: 'restore' }) },
  // A list the module did not make (storage, an older version): keys may repeat.
  { weight: 1, arbitrary: fc.record({ type: fc.constant('foreign' as const), keys: fc.array(fc.nat(KEYS.length - 1), { maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('flood' as const), size: fc.constantFrom(MAX_CALL_BACKS - 1, MAX_CALL_BACKS) }) },
);

function entry(key: string, atS: number, root: string): CallBackEntry {
  const at = T0 + atS * 1000;
  return { key, caller: { name: null, company: null, number: key, url: null, unknown: false }, call: root, attempts: 1, firstAt: at, lastAt: at, roots: [root] };
}

function ended(key: string, root: string, direction: CallRecord['direction'], atS: number, answered: boolean): CallRecord {
  const at = T0 + atS * 1000;
  return endedRecord({
    uuid: `${root}-${atS}`,
    rootUuid: root,
    direction,
    outcome: answered ? 'answered' : 'missed',
    dialAt: at,
    bridgeAt: answered ? at + 1_000 : null,
    endAt: at + 2_000,
    firstSeenAt: at,
    caller: { name: null, company: null, number: key, url: null, unknown: false },
    crm: [],
  });
}

function apply(state: CallsState, step: Op, index: number): CallsState {
  switch (step.type) {
    case 'missed':
      noteMissedConversation(state, ended(KEYS[step.key]!, `r${step.root}`, 'incoming', step.atS, false), () => []);
      return state;
    case 'answered':
      noteAnsweredCall(state, ended(KEYS[step.key]!, `a${index}`, step.direction, 2_000, true));
      return state;
    case 'dismiss':
      dismissCallBack(state, KEYS[step.key]!);
      return state;
    case 'expire':
      expireCallBacks(state, T0 + step.afterS * 1000);
      return state;
    case 'clear':
      clearHistory(state);
      return state;
    case 'restore':
      return JSON.parse(JSON.stringify(state)) as CallsState;
    case 'foreign':
      state.callBacks = step.keys.map((key, i) => entry(KEYS[key]!, i * 10, `f${i}`));
      return state;
    case 'flood':
      // Spread over the missed calls' times, so new callers land before, among and after them.
      state.callBacks = Array.from({ length: step.size }, (_, i) => entry(floodKey(i), -200 + i * 3, `x${i}`));
      return state;
  }
}

function expectIndexAgrees(state: CallsState): void {
  const keys = new Set<string>([...KEYS, ...state.callBacks.map((e) => e.key), floodKey(0), floodKey(MAX_CALL_BACKS - 1)]);
  for (const key of keys) expect(callBackFor(state, key)).toBe(state.callBacks.find((e) => e.key === key));
}

describe('call-back lookup by number', () => {
  it('answers what a scan of the list answers, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let state = createInitialState();
        ops.forEach((step, i) => {
          const before = state.callBacks;
          state = apply(state, step, i);
          expectIndexAgrees(state);
          // "Done" and an answered outside call take out every entry of that number, nothing else.
          const removes = step.type === 'dismiss' || (step.type === 'answered' && step.direction !== 'internal');
          if (removes) expect(state.callBacks).toEqual(before.filter((e) => e.key !== KEYS[step.key]));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing the list holds: a state indexed anew before every step ends the same', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let kept = createInitialState();
        let rebuilt = createInitialState();
        ops.forEach((step, i) => {
          kept = apply(kept, step, i);
          // A copy has no index yet: every lookup of this step scans the list afresh.
          rebuilt = apply(structuredClone(rebuilt), step, i);
          expect(kept.callBacks).toEqual(rebuilt.callBacks);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('drops the caller waiting longest past the cap, from the lookup too', () => {
    let state = createInitialState();
    state = apply(state, { type: 'flood', size: MAX_CALL_BACKS }, 0);
    expect(callBackFor(state, floodKey(0))).toBeDefined();
    noteMissedConversation(state, ended(KEYS[0], 'r-late', 'incoming', 5_000, false), () => []);
    expect(state.callBacks).toHaveLength(MAX_CALL_BACKS);
    expect(callBackFor(state, floodKey(0))).toBeUndefined();
    expect(callBackFor(state, KEYS[0])?.roots).toEqual(['r-late']);
    // An even older caller than all of them comes and goes at once.
    noteMissedConversation(state, ended(KEYS[1], 'r-early', 'incoming', -10_000, false), () => []);
    expect(callBackFor(state, KEYS[1])).toBeUndefined();
    expect(state.callBacks.some((e) => e.key === KEYS[1])).toBe(false);
  });

  it('falls back to a scan when a change would list a key twice', () => {
    const state = createInitialState();
    const first = entry(KEYS[0], 0, 'r0');
    state.callBacks = [first];
    expect(callBackFor(state, KEYS[0])).toBe(first);
    const second = entry(KEYS[0], 10, 'r1');
    replaceCallBacks(state, [first, second], [], second);
    expect(callBackFor(state, KEYS[0])).toBe(first);
  });
});
