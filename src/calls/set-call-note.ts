// The agent writes a note on a call from the popup; it lives on the history record.
import type { CallsState } from './types';
import { endedCallsOf } from './conversation';
import { cleanNote } from './call-note';

/**
 * Sets (or with '' removes) the note of a conversation in history: on its own record when it is
 * there, else on its newest ended call. False when the conversation is no longer in history.
 */
export function setCallNote(state: CallsState, root: string, text: string): boolean {
  const calls = endedCallsOf(state, root);
  const target = calls.find((call) => call.uuid === root) ?? calls[calls.length - 1];
  if (!target) return false;
  const note = cleanNote(text);
  if (note === '') delete target.note;
  else target.note = note;
  return true;
}
