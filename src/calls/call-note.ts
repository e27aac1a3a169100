// The agent's note on a call: short plain text kept with the history record (and in the CSV).
// No imports: the popup and the storage schema read the limit without pulling in the core.

/** A line or two, not a CRM: long notes belong in the CRM card. */
export const NOTE_MAX_LENGTH = 200;

/** Trimmed, control characters folded to spaces, cut to the limit; '' means "no note". */
export function cleanNote(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim().slice(0, NOTE_MAX_LENGTH);
}
