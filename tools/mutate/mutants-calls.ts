// Bugs in the call-state core (src/calls): merging, status, notifications, history.
import type { MutantGroup } from './mutant';

const MERGE = 'src/calls/merge-record.ts';
const REDUCER = 'src/calls/reducer.ts';
const POLICY = 'src/calls/notification-policy.ts';

export const callsMutants: MutantGroup = {
  area: 'calls',
  quickTests: ['tests/unit/calls/merge-record.test.ts', 'tests/unit/calls/reducer-notifications.test.ts', 'tests/unit/calls/reducer-conversations.test.ts', 'tests/unit/calls/expire-stale.test.ts', 'tests/unit/calls/do-not-disturb.test.ts', 'tests/unit/calls/badge-and-seen.test.ts', 'tests/unit/calls/ring-and-caller.test.ts', 'tests/unit/calls/process-frame.test.ts'],
  fullTests: ['tests/unit/calls'],
  mutants: [
    { name: 'a later frame moves dialAt', file: MERGE, find: 'record.dialAt = record.dialAt ?? event.dialAt;', replace: 'record.dialAt = event.dialAt ?? record.dialAt;' },
    { name: 'a later frame moves bridgeAt', file: MERGE, find: 'record.bridgeAt = record.bridgeAt ?? event.bridgeAt;', replace: 'record.bridgeAt = event.bridgeAt ?? record.bridgeAt;' },
    { name: 'a later frame moves parentUuid', file: MERGE, find: 'record.parentUuid = record.parentUuid ?? event.parentUuid;', replace: 'record.parentUuid = event.parentUuid ?? record.parentUuid;' },
    { name: 'a later trunk number is ignored', file: MERGE, find: 'record.trunkNum = pick(event.trunkNum, record.trunkNum);', replace: 'record.trunkNum = pick(record.trunkNum, event.trunkNum);' },
    { name: 'an unknown party type overwrites a known one', file: MERGE, find: "type: next.type === 'unknown' ? prev.type : next.type,", replace: 'type: next.type,' },
    { name: 'a frame without cards forgets the known cards', file: MERGE, find: 'if (next.length === 0) return prev.map((card) => ({ ...card }));', replace: 'if (next.length === 0) return [];' },
    { name: 'a later card without a name erases the known name', file: MERGE, find: 'name: pick(next.name, prev.name),', replace: 'name: next.name,' },
    { name: 'a replayed frame of an ended call moves its dial time', file: REDUCER, find: '  ended.dialAt = dialAt;\n', replace: '' },
    { name: 'answering overwrites the bridge time the PBX gave', file: REDUCER, find: 'record.bridgeAt = record.bridgeAt ?? pbxNow(state.clockOffsetMs, now);', replace: 'record.bridgeAt = pbxNow(state.clockOffsetMs, now);' },
    { name: 'an internal call that rang elsewhere counts as missed here', file: REDUCER, find: "(record.direction === 'internal' && record.ringsHere)", replace: "record.direction === 'internal'" },
    { name: 'a second bridge answers again', file: REDUCER, find: "if (event.event === 'bridge' && record.status === 'ringing')", replace: "if (event.event === 'bridge')" },
    { name: 'the duplicate-pop guard is gone', file: POLICY, find: "if (!kindAllowed(config.policy, kind) || Object.hasOwn(state.shown, id)) return [];", replace: 'if (!kindAllowed(config.policy, kind)) return [];' },
    { name: 'outgoing calls pop whatever the setting', file: POLICY, find: "if (kind === 'outgoing') return policy.outgoing;", replace: "if (kind === 'outgoing') return true;" },
    { name: 'a second answer in a group call updates the pop-up again', file: POLICY, find: 'if (shown && !answeredBefore) {', replace: 'if (shown) {' },
    { name: 'one missed pop-up more than the cap stays up', file: POLICY, find: 'missedIds.length - MAX_MISSED_SHOWN + 1', replace: 'missedIds.length - MAX_MISSED_SHOWN' },
    { name: 'a CRM card opens again for the same conversation', file: POLICY, find: 'if (url === null || includesBounded(state.autoOpened, root)) return [];', replace: 'if (url === null) return [];' },
    { name: 'a missed call is not marked unseen', file: POLICY, find: '  record.unseen = true;\n', replace: '' },
    { name: 'a ringing call pops after its conversation moved on', file: POLICY, find: '  if (moved) return [];\n', replace: '' },
    { name: 'an ended call stays in its conversation\'s live list', file: 'src/calls/call-index.ts', find: '  removeFrom(index.liveByRoot, record.rootUuid, record);\n', replace: '' },
    { name: 'a parent learned later is not indexed', file: 'src/calls/call-index.ts', find: 'if (parentBefore !== null || record.parentUuid === null) return;', replace: 'return;' },
    { name: 'calls dropped from history stay findable', file: 'src/calls/call-index.ts', find: 'if (dropped) unindexEnded(index, dropped);', replace: 'void dropped;' },
    { name: 'the history cap grows by one', file: 'src/calls/call-index.ts', find: 'while (list.length > max) {\n    const dropped = list.shift();\n    if (dropped) unindexEnded', replace: 'while (list.length > max + 1) {\n    const dropped = list.shift();\n    if (dropped) unindexEnded' },
    { name: 'stale ringing and answered limits swapped', file: 'src/calls/expire-stale.ts', find: "record.status === 'ringing' ? STALE_RINGING_MS : STALE_ANSWERED_MS", replace: "record.status === 'ringing' ? STALE_ANSWERED_MS : STALE_RINGING_MS" },
    { name: 'an expired call leaves its pop-up on screen', file: 'src/calls/expire-stale.ts', find: 'if (shown && liveCallsOf(state, record.rootUuid).length === 0) {', replace: 'if (false) {' },
    { name: 'the clock offset never moves forward', file: 'src/calls/clock-offset.ts', find: '  if (sample > current) return sample;\n', replace: '' },
    { name: 'do-not-disturb ends one moment late', file: 'src/calls/do-not-disturb.ts', find: 'setting.until === null || setting.until > now', replace: 'setting.until === null || setting.until >= now' },
    { name: 'a bridged record does not count as answered', file: 'src/calls/conversation.ts', find: "record.status === 'answered' || record.bridgeAt !== null || record.outcome === 'answered'", replace: "record.status === 'answered' || record.outcome === 'answered'" },
  ],
};
