// Bugs a change to the wire parsing could bring: src/protocol and the value conversions it uses.
import type { MutantGroup } from './mutant';

const WIRE_FIELDS = 'src/protocol/wire-fields.ts';
const NORMALIZE = 'src/protocol/normalize-frame.ts';

export const protocolMutants: MutantGroup = {
  area: 'protocol',
  quickTests: ['tests/unit/protocol/decisions.test.ts', 'tests/unit/protocol/input-safety.test.ts', 'tests/unit/calls/process-frame.test.ts'],
  fullTests: ['tests/unit/protocol', 'tests/unit/calls/process-frame.test.ts'],
  mutants: [
    { name: 'any string Number() takes counts as a number ("0x10", "Infinity")', file: WIRE_FIELDS, find: 'NUMERIC_STRING.test(value.trim()) ? Number(value) : NaN', replace: 'Number(value)' },
    { name: 'a time of 0 is kept instead of meaning "not set"', file: WIRE_FIELDS, find: 'if (value === null || value === 0) return null;', replace: 'if (value === null) return null;' },
    { name: 'a negative time is accepted', file: WIRE_FIELDS, find: '  if (value < 0) return INVALID;\n', replace: '' },
    { name: 'times in seconds are not converted to ms', file: WIRE_FIELDS, find: 'value < SECONDS_BELOW ? value * 1000 : value', replace: 'value' },
    { name: 'a time one past the last Date is accepted', file: WIRE_FIELDS, find: 'ms > MAX_EPOCH_MS ? INVALID : ms', replace: 'ms > MAX_EPOCH_MS + 1 ? INVALID : ms' },
    { name: 'an id one character over the limit is accepted', file: WIRE_FIELDS, find: 'id.length > maxLength ? INVALID : id', replace: 'id.length > maxLength + 1 ? INVALID : id' },
    { name: 'CRM links of any length are accepted', file: WIRE_FIELDS, find: "typeof value === 'string' && value.length <= MAX_URL_LENGTH ? safeHttpUrlOrNull(value) : null", replace: "typeof value === 'string' ? safeHttpUrlOrNull(value) : null" },
    { name: 'a rejected CRM link is not flagged', file: WIRE_FIELDS, find: '{ url: null, urlRejected: true }', replace: '{ url: null, urlRejected: false }' },
    { name: 'leg type 4 (scenario) read as group', file: WIRE_FIELDS, find: "{ 1: 'user', 2: 'group', 4: 'scenario' }", replace: "{ 1: 'user', 2: 'group', 4: 'group' }" },
    { name: 'lgDirection 1 and 2 swapped (internal/outgoing)', file: 'src/protocol/wire-schema.ts', find: "{ 1: 'internal', 2: 'outgoing', 4: 'incoming' }", replace: "{ 1: 'outgoing', 2: 'internal', 4: 'incoming' }" },
    { name: 'null elements of otherLegs are kept', file: 'src/protocol/wire-schema.ts', find: '(cards ?? []).filter((card) => card !== null)', replace: '(cards ?? []).filter(() => true)' },
    { name: 'presence "available" (64) is not recognized', file: NORMALIZE, find: '  if (direction === 64) return PRESENCE_DIRECTIONS[64];\n', replace: '' },
    { name: 'the 1 MiB frame limit is doubled', file: NORMALIZE, find: 'if (data.length > MAX_FRAME_LENGTH) {', replace: 'if (data.length > MAX_FRAME_LENGTH * 2) {' },
    { name: 'inherited keys are read from the frame', file: NORMALIZE, find: 'Object.hasOwn(frame, key) ? frame[key] : undefined', replace: 'frame[key]' },
    { name: 'error frames are rejected instead of reported', file: NORMALIZE, find: "  if (event === 'error') return normalizeError(frame);\n", replace: '' },
    { name: 'call.bridge read as a dial', file: NORMALIZE, find: "'call.bridge': 'bridge'", replace: "'call.bridge': 'dial'" },
    { name: 'cards without a priority sort first', file: 'src/protocol/crm-order.ts', find: '  if (a.priority === null) return 1;', replace: '  if (a.priority === null) return -1;' },
    { name: 'the primary card is always the first, known or not', file: 'src/protocol/crm-order.ts', find: 'return known === -1 ? 0 : known;', replace: 'return 0;' },
    { name: 'fast path takes more than MAX_CRM_CARDS cards', file: 'src/protocol/fast-call-frame.ts', find: '!Array.isArray(value) || value.length > MAX_CRM_CARDS', replace: '!Array.isArray(value)' },
    { name: 'fast path keeps a leg type the schema maps (raw number)', file: 'src/protocol/fast-call-frame.ts', find: 'type: partyTypeFromWire(numberAt(value.type)),', replace: "type: partyTypeFromWire(numberAt(value.type) ?? 1)," },
    {
      name: 'fast path hands a frame with a null card to zod',
      file: 'src/protocol/fast-call-frame.ts',
      find: 'if (item === null) continue;',
      replace: 'if (item === null) throw ASK_ZOD;',
      equivalent: 'zod gives the same result for that frame; only the speed differs (measured by `npm run bench`, not by tests).',
    },
  ],
};
