// Whatever order, repetition or mix of events the PBX sends, the core stays sane.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, card, configWith, party } from './call-events';
import type { CallEvent, PbxEvent } from '../../../src/protocol/events';
import type { CallStatus, Effect } from '../../../src/calls/types';
import { applyEvent } from '../../../src/calls/reducer';
import { createInitialState } from '../../../src/calls/initial-state';
import { findCall } from '../../../src/calls/find-call';
import { callsStateSchema } from '../../../src/storage/call-state-schema';

// Prototype names as uuids: the state is keyed by uuid and must not touch Object.prototype.
const UUIDS = ['a', 'b', 'c', '__proto__', 'toString'] as const;
const RANK: Record<CallStatus, number> = { ringing: 0, answered: 1, ended: 2 };

const callEvent: fc.Arbitrary<PbxEvent> = fc
  .record({
    event: fc.constantFrom<CallEvent['event']>('dial', 'bridge', 'hangup'),
    uuid: fc.constantFrom(...UUIDS),
    parentUuid: fc.constantFrom<string | null>(null, null, ...UUIDS),
    direction: fc.constantFrom<CallEvent['direction']>('incoming', 'outgoing', 'internal'),
    bridged: fc.boolean(),
    withCrm: fc.boolean(),
    known: fc.boolean(),
    leg2Ext: fc.constantFrom('911', '202'),
    serverTime: fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }), { nil: null }),
  })
  .map(
    (r): PbxEvent =>
      call(r.event, {
        uuid: r.uuid,
        parentUuid: r.parentUuid,
        direction: r.direction,
        bridgeAt: r.bridged ? 1_700_000_005_000 : null,
        crm: r.withCrm ? [card(r.known ? {} : { id: null, name: null })] : [],
        leg2: r.direction === 'internal' ? party({ ext: r.leg2Ext }) : null,
        serverTime: r.serverTime,
      }),
  );

const otherEvent: fc.Arbitrary<PbxEvent> = fc.oneof(
  fc.constantFrom<'away' | 'available'>('away', 'available').map((presence): PbxEvent => ({ kind: 'presence', presence, serverTime: null, leg: null })),
  fc.string({ maxLength: 20 }).map((message): PbxEvent => ({ kind: 'error', message, serverTime: null })),
);

const events = fc.array(fc.oneof({ weight: 9, arbitrary: callEvent }, { weight: 1, arbitrary: otherEvent }), { maxLength: 40 });
const policy = fc.record({
  incoming: fc.boolean(),
  internal: fc.boolean(),
  outgoing: fc.boolean(),
  missed: fc.boolean(),
  onAnswer: fc.constantFrom<'update' | 'clear'>('update', 'clear'),
  autoOpen: fc.constantFrom<'off' | 'ring' | 'answer'>('off', 'ring', 'answer'),
  autoOpenFocused: fc.boolean(),
});

function opsOf(effects: Effect[]) {
  return effects.flatMap((e) => (e.type === 'notification' ? [e.notification] : []));
}

describe('reducer properties', () => {
  it('never throws, never moves a call backward, and pops each notification at most once while shown', () => {
    fc.assert(
      fc.property(events, policy, (sequence, notificationPolicy) => {
        const state = createInitialState();
        const config = configWith(notificationPolicy, { historyLimit: 5000 });
        const seen = new Map<string, number>();
        const onScreen = new Set<string>();
        const opened = new Set<string>();
        sequence.forEach((event, i) => {
          const effects = applyEvent(state, event, 1_700_000_000_000 + i * 1000, config);
          for (const op of opsOf(effects)) {
            if (op.op === 'create') {
              expect(onScreen.has(op.id), `second create of ${op.id}`).toBe(false);
              onScreen.add(op.id);
            } else if (op.op === 'update') {
              expect(onScreen.has(op.id), `update of ${op.id} not on screen`).toBe(true);
            } else {
              onScreen.delete(op.id);
            }
          }
          for (const effect of effects) {
            if (effect.type !== 'open-crm') continue;
            const root = findCall(state, effect.call)?.rootUuid ?? effect.call;
            expect(opened.has(root), `second auto-open of ${root}`).toBe(false);
            opened.add(root);
          }
          for (const [uuid, rank] of seen) {
            const now = findCall(state, uuid);
            expect(now, `${uuid} vanished`).not.toBeNull();
            expect(RANK[now!.status]).toBeGreaterThanOrEqual(rank);
          }
          for (const uuid of UUIDS) {
            const record = findCall(state, uuid);
            if (record) seen.set(uuid, RANK[record.status]);
          }
        });
        expect(new Set(Object.keys(state.shown))).toEqual(onScreen);
        for (const record of Object.values(state.active)) expect(record.status).not.toBe('ended');
        for (const record of state.history) expect(record.status).toBe('ended');
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps history, auto-opened and on-screen memory bounded by the limit', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 5 }), (sequence, limit) => {
        const state = createInitialState();
        const config = configWith({ autoOpen: 'ring' }, { historyLimit: limit });
        // Fresh uuids each time, so nothing is a duplicate and the lists really grow.
        sequence.forEach((event, i) => applyEvent(state, event.kind === 'call' ? { ...event, uuid: `${event.uuid}${i}` } : event, i, config));
        expect(state.history.length).toBeLessThanOrEqual(limit);
        expect(state.autoOpened.length).toBeLessThanOrEqual(limit);
        expect(Object.values(state.shown).filter((s) => s.kind === 'missed').length).toBeLessThanOrEqual(20);
      }),
      { numRuns: 1000 },
    );
  });

  it('survives a worker restart: the state round-trips through JSON and then behaves identically', () => {
    fc.assert(
      fc.property(events, events, policy, (before, after, notificationPolicy) => {
        const config = configWith(notificationPolicy);
        const live = createInitialState();
        before.forEach((event, i) => applyEvent(live, event, i * 1000, config));
        const restored = JSON.parse(JSON.stringify(live)) as typeof live;
        expect(restored).toEqual(live);
        after.forEach((event, i) => {
          const now = 100_000 + i * 1000;
          expect(applyEvent(restored, event, now, config)).toEqual(applyEvent(live, event, now, config));
        });
        expect(restored).toEqual(live);
      }),
      { numRuns: 1000 },
    );
  });

  it('every state it produces is restored unchanged by the persistence schema', () => {
    fc.assert(
      // "__proto__" is among the uuids: the schema keeps it as an own key (ownKeyRecord), so a live call so named survives a restart.
      fc.property(events, policy, (sequence, notificationPolicy) => {
        const state = createInitialState();
        sequence.forEach((event, i) => applyEvent(state, event, i * 1000, configWith(notificationPolicy)));
        const stored = JSON.parse(JSON.stringify(state)) as unknown;
        const restored = callsStateSchema.safeParse(stored);
        expect(restored.success).toBe(true);
        expect(restored.data).toEqual(stored);
      }),
      { numRuns: 1000 },
    );
  });
});
