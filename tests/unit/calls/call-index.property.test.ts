// The call index only makes lookups cheaper: for any mix of events, stale sweeps, clears and
// restarts, every lookup answers what a plain scan of the state answers, and a core whose index
// is rebuilt from a restored copy before every step leaves exactly the same state and effects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, card, configWith, party } from './call-events';
import type { CallEvent, PbxEvent } from '../../../src/protocol/events';
import type { CallRecord, CallsState, Effect } from '../../../src/calls/types';
import type { ReducerConfig } from '../../../src/calls/reducer-config';
import { applyEvent } from '../../../src/calls/reducer';
import { expireStaleCalls, STALE_RINGING_MS } from '../../../src/calls/expire-stale';
import { createInitialState } from '../../../src/calls/initial-state';
import { findCall } from '../../../src/calls/find-call';
import { childRootOf, endedCallsOf, liveCallsOf } from '../../../src/calls/call-index';
import { ownValue } from '../../../src/calls/own-keys';
import { clearHistory, markMissedSeen } from '../../../src/calls/seen-and-clear';

// Integer-like uuids sort first in an object's key order; prototype names must stay own keys.
const UUIDS = ['a', 'b', 'c', 'd', '7', '12', '__proto__', 'toString'] as const;

const callEvent: fc.Arbitrary<PbxEvent> = fc
  .record({
    event: fc.constantFrom<CallEvent['event']>('dial', 'bridge', 'hangup'),
    uuid: fc.constantFrom(...UUIDS),
    parentUuid: fc.constantFrom<string | null>(null, null, null, ...UUIDS),
    direction: fc.constantFrom<CallEvent['direction']>('incoming', 'outgoing', 'internal'),
    bridged: fc.boolean(),
    withCrm: fc.boolean(),
    known: fc.boolean(),
    legType: fc.constantFrom<'user' | 'group' | 'unknown'>('user', 'user', 'group', 'unknown'),
    legExt: fc.constantFrom<string | null>('911', '202', '', null),
    leg2Ext: fc.constantFrom('911', '202'),
    serverTime: fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }), { nil: null }),
  })
  .map(
    (r): PbxEvent =>
      call(r.event, {
        uuid: r.uuid,
        parentUuid: r.parentUuid,
        direction: r.direction,
        leg: party({ type: r.legType, ext: r.legExt }),
        bridgeAt: r.bridged ? 1_700_000_005_000 : null,
        crm: r.withCrm ? [card(r.known ? {} : { id: null, name: null })] : [],
        leg2: r.direction === 'internal' ? party({ ext: r.leg2Ext }) : null,
        serverTime: r.serverTime,
      }),
  );

type Step =
  | { type: 'event'; event: PbxEvent; advanceMs: number }
  | { type: 'expire'; advanceMs: number }
  | { type: 'clear-history' }
  | { type: 'mark-seen' }
  | { type: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 20, arbitrary: fc.record({ type: fc.constant('event' as const), event: callEvent, advanceMs: fc.constantFrom(0, 1_000, 60_000) }) },
  { weight: 1, arbitrary: fc.constantFrom<'away' | 'available'>('away', 'available').map((presence): Step => ({ type: 'event', event: { kind: 'presence', presence, serverTime: null, leg: null }, advanceMs: 0 })) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('expire' as const), advanceMs: fc.constantFrom(1_000, STALE_RINGING_MS + 1) }) },
  { weight: 1, arbitrary: fc.constant<Step>({ type: 'clear-history' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ type: 'mark-seen' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ type: 'restart' }) },
);

const policy = fc.record({
  incoming: fc.boolean(),
  internal: fc.boolean(),
  outgoing: fc.boolean(),
  missed: fc.boolean(),
  onAnswer: fc.constantFrom<'update' | 'clear'>('update', 'clear'),
  autoOpen: fc.constantFrom<'off' | 'ring' | 'answer'>('off', 'ring', 'answer'),
  autoOpenFocused: fc.boolean(),
});

/** What the index must answer, found by scanning the state itself. */
function scanned(state: CallsState, uuid: string) {
  const live = Object.values(state.active);
  const newestEnded = (match: (r: CallRecord) => boolean) => state.history.findLast(match) ?? null;
  const liveChild = live.find((r) => r.parentUuid === uuid);
  return {
    find: ownValue(state.active, uuid) ?? newestEnded((r) => r.uuid === uuid),
    liveOfRoot: live.filter((r) => r.rootUuid === uuid).sort((x, y) => x.seq - y.seq),
    endedOfRoot: state.history.filter((r) => r.rootUuid === uuid),
    childRoot: liveChild ? liveChild.rootUuid : (newestEnded((r) => r.parentUuid === uuid)?.rootUuid ?? null),
  };
}

function indexed(state: CallsState, uuid: string) {
  return {
    find: findCall(state, uuid),
    liveOfRoot: [...liveCallsOf(state, uuid)].sort((x, y) => x.seq - y.seq),
    endedOfRoot: [...endedCallsOf(state, uuid)],
    childRoot: childRootOf(state, uuid),
  };
}

function apply(state: CallsState, s: Step, now: number, config: ReducerConfig): Effect[] {
  if (s.type === 'event') return applyEvent(state, s.event, now, config);
  if (s.type === 'expire') return expireStaleCalls(state, now, config);
  if (s.type === 'clear-history') clearHistory(state);
  if (s.type === 'mark-seen') markMissedSeen(state);
  return [];
}

const restored = (state: CallsState) => JSON.parse(JSON.stringify(state)) as CallsState;

describe('call index', () => {
  it('answers every lookup as a scan of the state does, after any sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), policy, fc.integer({ min: 1, max: 6 }), (steps, notificationPolicy, historyLimit) => {
        const config = configWith(notificationPolicy, { historyLimit });
        let state = createInitialState();
        let now = 1_700_000_000_000;
        for (const s of steps) {
          if (s.type === 'event' || s.type === 'expire') now += s.advanceMs;
          if (s.type === 'restart') state = restored(state);
          else apply(state, s, now, config);
          for (const uuid of UUIDS) expect(indexed(state, uuid)).toEqual(scanned(state, uuid));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a core whose index is rebuilt before every step leaves the same state and effects', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 60 }),
        policy,
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('911', 'agent@example.com'),
        (steps, notificationPolicy, historyLimit, subscriber) => {
          const config = configWith(notificationPolicy, { historyLimit, subscriber });
          const kept: CallsState = createInitialState();
          let fresh: CallsState = createInitialState();
          let now = 1_700_000_000_000;
          for (const s of steps) {
            if (s.type === 'event' || s.type === 'expire') now += s.advanceMs;
            fresh = restored(fresh); // a new object: its index is built from scratch
            expect(apply(kept, s, now, config)).toEqual(apply(fresh, s, now, config));
            expect(kept).toEqual(fresh);
            // Key order too: the popup and the sweep list live calls in this order.
            expect(Object.keys(kept.active)).toEqual(Object.keys(fresh.active));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
