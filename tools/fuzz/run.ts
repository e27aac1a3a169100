// `npm run fuzz [-- --runs 10000 --seed 42]`: property-based fuzzing of the frame parser and the call
// reducer together, far past the 1,000 cases `npm test` runs (issue 8 case 12). Frames are wire text:
// valid frames mutated field by field, arbitrary JSON and arbitrary strings, in sequences over a
// handful of uuids. Checked: nothing throws, a call never moves backwards, history stays within its cap.
import fc from 'fast-check';
import { processFrame } from '../../src/calls/process-frame';
import { createInitialState } from '../../src/calls/initial-state';
import type { CallStatus, CallsState } from '../../src/calls/types';
import type { ReducerConfig } from '../../src/calls/reducer-config';
import { catalogTranslator } from '../i18n/load-catalog';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) ? value : fallback;
}

const runs = arg('runs', 10_000);
const seed = arg('seed', Date.now() % 2 ** 31);
const HISTORY_LIMIT = 5;
const RANK: Record<CallStatus, number> = { ringing: 0, answered: 1, ended: 2 };
const UUIDS = ['a', 'b', 'c', '__proto__', 'constructor'];

const config: ReducerConfig = {
  policy: { ...DEFAULT_SETTINGS.notifications, autoOpen: 'ring' },
  historyLimit: HISTORY_LIMIT,
  subscriber: '101',
  t: catalogTranslator('en'),
  secrets: ['fuzz-key'],
};

const anyValue = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
const validFrame = fc.record({
  event: fc.constantFrom('call.dial', 'call.bridge', 'call.hangup', 'error', 'call.other'),
  uuid: fc.constantFrom(...UUIDS),
  parentUuid: fc.constantFrom(null, ...UUIDS),
  lgDirection: fc.constantFrom(1, 2, 4, 32, 64, '4', 8),
  leg: fc.constant({ id: 120, type: 1, displayName: 'Agent', ext: '101' }),
  leg2: fc.constantFrom(null, { id: 121, type: 1, displayName: 'Other', ext: '102' }),
  otherLegs: fc.array(fc.record({ id: fc.constantFrom(null, '29', 7), name: fc.string({ maxLength: 40 }), num: fc.constantFrom('+380501112233', 'abc', ''), url: fc.constantFrom('https://crm.example/1', 'javascript:alert(1)', 'java\tscript:x', '/rel'), priority: fc.constantFrom(1, 2, '3', null) }), { maxLength: 3 }),
  dialAt: fc.constantFrom(1_700_000_000_000, 1_700_000_000, null, -1),
  bridgeAt: fc.constantFrom(null, 1_700_000_005_000),
  serverTime: fc.constantFrom(1_700_000_001_000, '1700000001000', null),
});
const mutated = fc.tuple(validFrame, fc.option(fc.tuple(fc.constantFrom('event', 'uuid', 'lgDirection', 'leg', 'otherLegs', 'dialAt', 'serverTime', '__proto__'), anyValue), { nil: null }))
  .map(([frame, mutation]) => {
    const copy: Record<string, unknown> = { ...frame };
    if (mutation) Object.defineProperty(copy, mutation[0], { value: mutation[1], enumerable: true, configurable: true, writable: true });
    return JSON.stringify(copy);
  });
const wireFrame = fc.oneof(
  { weight: 8, arbitrary: mutated },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

function checkInvariants(before: Map<string, CallStatus>, state: CallsState): void {
  if (state.history.length > HISTORY_LIMIT) throw new Error(`history ${state.history.length} > ${HISTORY_LIMIT}`);
  for (const record of [...Object.values(state.active), ...state.history]) {
    const prior = before.get(record.uuid);
    if (prior && RANK[record.status] < RANK[prior]) throw new Error(`call ${record.uuid} moved back from ${prior} to ${record.status}`);
    before.set(record.uuid, record.status);
  }
}

const started = Date.now();
fc.assert(
  fc.property(fc.array(wireFrame, { maxLength: 30 }), (frames) => {
    const state = createInitialState();
    const seen = new Map<string, CallStatus>();
    let now = 1_700_000_000_000;
    for (const frame of frames) {
      now += 1_000;
      processFrame(state, frame, now, config);
      checkInvariants(seen, state);
    }
    if (Object.getPrototypeOf({}) !== Object.prototype || ({} as Record<string, unknown>).polluted !== undefined) throw new Error('prototype polluted');
  }),
  { numRuns: runs, seed },
);
console.log(`fuzz: ${runs} sequences (up to 30 frames each) through normalizeFrame + reducer passed in ${Date.now() - started} ms, seed ${seed}`);
