// Issue 10: numbers from selected text and tel: links, the way the PBX wants them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isNormalizedNumber, phoneNumberIn } from '../../../src/protocol/phone-number';

describe('phoneNumberIn', () => {
  it.each([
    ['067 123 45 67', '+380671234567'],
    ['(044) 123-45-67', '+380441234567'],
    ['+38 067 123 45 67', '+380671234567'],
    ['+38 (067) 123-45-67', '+380671234567'],
    ['0671234567', '+380671234567'],
    ['380671234567', '+380671234567'],
    ['8 067 123 45 67', '+380671234567'],
    ['tel:+380671234567', '+380671234567'],
    ['tel:+38-067-123-45-67;ext=12', '+380671234567'],
    ['tel:%2B380671234567', '+380671234567'],
    ['Call me: +48 22 123 45 67, thanks', '+48221234567'],
    ['0048 22 123 45 67', '+48221234567'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['Тел.: 067-123-45-67 (Олена)', '+380671234567'],
    ['date 2024-01-15, then 050 111 22 33', '+380501112233'],
  ])('reads %j as %s', (input, expected) => {
    expect(phoneNumberIn(input)).toBe(expected);
  });

  it.each([
    'hello world',
    '',
    '2024-01-15',
    'order 12345',
    '+38 067 123 45',
    '+380 67 123 45 678 9',
    'tel:',
    'tel:abc',
    'invoice A0671234567',
    '123 456 789',
    '+1234567',
  ])('finds no number in %j', (input) => {
    expect(phoneNumberIn(input)).toBeNull();
  });

  it('never throws, and what it returns is + and digits only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[+\d ()-]{0,30}$/), fc.constant('tel:').chain((p) => fc.string().map((s) => p + s))), (text) => {
        const result = phoneNumberIn(text);
        if (result !== null) expect(isNormalizedNumber(result)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds every Ukrainian number (operator codes never start with 0) however it is spaced', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{8}$/), fc.constantFrom(' ', '-', '', ' - '), fc.boolean(), (rest, sep, withCountry) => {
        const local = `0${rest}`;
        const written = `${withCountry ? '+38 ' : ''}${local.slice(0, 3)}${sep}${local.slice(3, 6)}${sep}${local.slice(6, 8)}${sep}${local.slice(8)}`;
        expect(phoneNumberIn(written)).toBe(`+380${rest}`);
      }),
    );
  });

  it('ignores values that are not text', () => {
    expect(phoneNumberIn(undefined)).toBeNull();
    expect(phoneNumberIn(380671234567)).toBeNull();
  });
});
