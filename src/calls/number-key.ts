// One caller, one key: the PBX and the CRMs write the same number as `+380671234567`,
// `380671234567`, `0671234567`, `067 123-45-67` or even `671234567`. Call-backs and the caller's
// story compare numbers by this key only. Pure.
import { phoneNumberIn } from '../protocol/phone-number';

/** A national Ukrainian number written without its trunk `0` (the PBX's own trunk numbers look so). */
const BARE_NATIONAL = /^[1-9]\d{8}$/;

/**
 * `+<digits>` for any plausible phone number (Ukrainian ones always as `+380…`); the digits as
 * written (with their `+`, if any) for anything else (an extension, a service number); null when
 * there are no digits at all. numberKey(numberKey(x)) === numberKey(x).
 */
export function numberKey(number: string | null | undefined): string | null {
  if (typeof number !== 'string') return null;
  const plus = number.trim().startsWith('+');
  const digits = number.replace(/\D/g, '');
  if (digits === '') return null;
  // With its `+` the key is `+` and the digits, plausible or not (phoneNumberIn could only give
  // back the same or null; dropping the `+` would let a second pass read it anew). No regexes
  // for the common case: numberKey runs on every answered and every ended call.
  if (plus) return `+${digits}`;
  if (BARE_NATIONAL.test(digits)) return `+380${digits}`;
  return phoneNumberIn(`tel:${digits}`) ?? digits;
}
