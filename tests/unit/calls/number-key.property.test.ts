// numberKey reads a number written with its `+` without phoneNumberIn (the common case, on every
// answered call and every ended one): for any text, it must give what the full reading gives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numberKey } from '../../../src/calls/number-key';
import { phoneNumberIn } from '../../../src/protocol/phone-number';

/** numberKey as it was written before the shortcut: every number through phoneNumberIn. */
function fullReading(number: string): string | null {
  const plus = number.trim().startsWith('+');
  const digits = number.replace(/\D/g, '');
  if (digits === '') return null;
  if (!plus && /^[1-9]\d{8}$/.test(digits)) return `+380${digits}`;
  const written = `${plus ? '+' : ''}${digits}`;
  return phoneNumberIn(`tel:${written}`) ?? written;
}

const numberLike = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\s*\+?[0-9 ()\-+.]{0,20}$/),
  fc.stringMatching(/^\+(?:380|0|00|38|48|1)?[0-9]{0,14}$/),
);

describe('numberKey', () => {
  it('gives what the full reading gives, for any text', () => {
    fc.assert(
      fc.property(numberLike, (number) => {
        expect(numberKey(number)).toBe(fullReading(number));
      }),
      { numRuns: 3_000 },
    );
  });
});
