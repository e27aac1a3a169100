// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { callRecordListSchema, callRecordSchema, callsStateSchema } from '../../../src/shared/call-state-schema';
import { parseHistory } from '../../../src/popup/parse-stored';
import type { CallRecord, CallsState } from '../../../src/calls/types';

const text = fc.option(fc.string(), { nil: null });
const time = fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: null });
const party = fc.option(
  fc.record({ id: text, type: fc.constantFrom('user', 'group', 'scenario', 'unknown'), ext: text, displayName: text }),
  { nil: null },
);
const crmCard = fc.record({
  id: text,
  name: text,
  number: text,
  company: text,
  url: text,
  urlRejected: fc.boolean(),
  priority: fc.option(fc.integer(), { nil: null }),
});

const callRecord: fc.Arbitrary<CallRecord> = fc.record({
  uuid: fc.string(),
  parentUuid: text,
  rootUuid: fc.string(),
  direction: fc.constantFrom('incoming', 'outgoing', 'internal'),
  ringsHere: fc.boolean(),
  status: fc.constantFrom('ringing', 'answered', 'ended'),
  outcome: fc.constantFrom('answered', 'missed', 'unanswered', null),
  dialAt: time,
  bridgeAt: time,
  endAt: time,
  firstSeenAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  seq: fc.nat(),
  caller: fc.record({ name: text, company: text, number: text, url: text, unknown: fc.boolean() }),
  crm: fc.array(crmCard, { maxLength: 3 }),
  leg: party,
  leg2: party,
  trunkNum: text,
  trunkName: text,
  unseen: fc.boolean(),
  note: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
});

const callsState: fc.Arbitrary<CallsState> = fc.record({
  active: fc.dictionary(fc.string(), callRecord, { maxKeys: 3 }),
  history: fc.array(callRecord, { maxLength: 3 }),
  presence: fc.option(fc.record({ status: fc.constantFrom('available', 'away'), since: time }), { nil: null }),
  clockOffsetMs: fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null }),
  shown: fc.dictionary(fc.string(), fc.record({ kind: fc.constantFrom('incoming', 'outgoing', 'internal', 'missed'), call: text }), { maxKeys: 3 }),
  autoOpened: fc.array(fc.string(), { maxLength: 3 }),
  nextSeq: fc.nat(),
  lastError: fc.option(fc.record({ message: fc.string(), at: fc.nat() }), { nil: null }),
  callBacks: fc.array(
    fc.record({
      key: fc.string(),
      caller: fc.record({ name: text, company: text, number: text, url: text, unknown: fc.boolean() }),
      call: fc.string(),
      attempts: fc.integer({ min: 1, max: 1000 }),
      firstAt: fc.nat(),
      lastAt: fc.nat(),
      roots: fc.array(fc.string(), { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
});

const emptyState = { active: {}, history: [], presence: null, clockOffsetMs: null, shown: {}, autoOpened: [], nextSeq: 0, lastError: null, callBacks: [] };

describe('call state schema', () => {
  it('accepts every valid state as it comes back from JSON storage, unchanged', () => {
    fc.assert(
      fc.property(callsState, (state) => {
        const stored: unknown = JSON.parse(JSON.stringify(state));
        const parsed = callsStateSchema.safeParse(stored);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(stored);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a record with any one field missing or of the wrong type', () => {
    fc.assert(
      fc.property(callRecord, fc.nat(), fc.constantFrom<unknown>(undefined, 'x', 42, {}, [], true, Number.NaN), (record, pick, junk) => {
        const keys = Object.keys(record);
        const key = keys[pick % keys.length]!;
        const corrupt: Record<string, unknown> = { ...record, [key]: junk };
        // Some junk is valid for some fields (a string uuid, a boolean flag): only test real corruption.
        fc.pre(!callRecordSchema.shape[key as keyof CallRecord].safeParse(junk).success);
        expect(callRecordSchema.safeParse(corrupt).success).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a live call whose uuid is "__proto__" as an own key, without touching any prototype', () => {
    const record = fc.sample(callRecord, { numRuns: 1, seed: 1 })[0]!;
    const stored: unknown = JSON.parse(`{"active":{"__proto__":${JSON.stringify(record)}},"history":[],"presence":null,"clockOffsetMs":null,"shown":{},"autoOpened":[],"nextSeq":1,"lastError":null}`);
    const parsed = callsStateSchema.parse(stored);
    expect(Object.keys(parsed.active)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(parsed.active)).toBe(Object.prototype);
    expect(Object.values(parsed.active)).toEqual([JSON.parse(JSON.stringify(record))]);
  });

  it('rejects corrupt states and lists', () => {
    expect(callsStateSchema.safeParse({ ...emptyState, active: { a: { uuid: 'a' } } }).success).toBe(false);
    expect(callsStateSchema.safeParse({ ...emptyState, shown: { n: { kind: 'loud', call: null } } }).success).toBe(false);
    expect(callsStateSchema.safeParse({ ...emptyState, active: [] }).success).toBe(false);
    expect(callsStateSchema.safeParse(emptyState).success).toBe(true);
    expect(callsStateSchema.safeParse(undefined).success).toBe(false);
    expect(callsStateSchema.safeParse({ active: 'nope' }).success).toBe(false);
    expect(callRecordListSchema.safeParse([{ uuid: 1 }]).success).toBe(false);
    expect(callRecordListSchema.safeParse('[]').success).toBe(false);
  });

  it('keeps the good history entries when some are corrupt', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(callRecord, fc.anything()), { maxLength: 8 }), (entries) => {
        const kept = parseHistory(JSON.parse(JSON.stringify(entries)));
        const valid = entries.filter((entry) => callRecordSchema.safeParse(JSON.parse(JSON.stringify(entry ?? null))).success);
        expect(kept).toHaveLength(valid.length);
      }),
      { numRuns: 1000 },
    );
  });
});
