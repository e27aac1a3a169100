// How long a caller stays on the "To call back" list (calls/call-backs.ts), apart from the list's
// code: the popup filters by it without loading that code (issue 17).

/** An entry whose newest attempt is older than this goes by itself (two working weeks). */
export const CALL_BACK_MAX_AGE_MS = 14 * 24 * 60 * 60_000;
