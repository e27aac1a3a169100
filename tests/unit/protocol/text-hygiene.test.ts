// What the agent reads and dials must be what the wire meant, with nothing invisible inside.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_LENGTH, cleanNumber, cleanText } from '../../../src/protocol/text-hygiene';
import { normalizeFrame } from '../../../src/protocol/normalize-frame';
import { crmCardOf, dialFrame, legOf, wire } from './frame-builders';

const RUNS = { numRuns: 1000 };
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Strings rich in exactly the characters the cleaner must remove. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u200d', '\ufeff'),
      fc.constantFrom('\u0000', '\t', '\n', '\r', '\u007f', '\u0085', '\u009b', '\u00ad', ' ', '  ', '\u00a0'),
      fc.constantFrom('\ud800', '\udc00', '\udb40\udc41', 'a\u0301\u0301\u0301\u0301\u0301\u0301'),
      fc.constantFrom('<b>', '&amp;', 'Тест', '😀', '👨‍👩‍👧'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('cleanText', () => {
  it('removes bidi overrides, zero-width and control characters; tabs and newlines become spaces', () => {
    expect(cleanText('Ива\u202eн\u200b Пе\u2066тро\u2069в')).toBe('Иван Петров');
    expect(cleanText('line one\nline\ttwo\r\n\u0007end')).toBe('line one line two end');
    expect(cleanText('a\u00adb\ufeffc\u200fd\u061ce')).toBe('abcde');
  });

  it('collapses and trims whitespace; empty becomes null', () => {
    expect(cleanText('   Олена \u00a0  Коваль  ')).toBe('Олена Коваль');
    expect(cleanText(' \u200b\t\u202e ')).toBeNull();
    expect(cleanText('')).toBeNull();
    expect(cleanText(null)).toBeNull();
  });

  it('keeps markup as text, never escaped', () => {
    expect(cleanText('<img src=x onerror=alert(1)> & Co')).toBe('<img src=x onerror=alert(1)> & Co');
  });

  it('caps the length with an ellipsis, within the cap', () => {
    expect(cleanText('abcdefghij', 5)).toBe('abcd…');
    expect(cleanText('abcde', 5)).toBe('abcde');
    expect(cleanText('ab   cdefgh', 4)).toBe('ab…');
  });

  it('does not split an emoji when cutting', () => {
    expect(cleanText('ab😀cd', 4)).toBe('ab…');
  });

  it('replaces lone surrogates and limits stacked combining marks', () => {
    expect(cleanText('a\ud800b')).toBe('a\ufffdb');
    expect(cleanText('a' + '\u0301'.repeat(30))).toBe('a' + '\u0301'.repeat(4));
  });

  it('never leaves control, bidi or zero-width characters, never exceeds the cap, and is idempotent', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 60 }), (text, cap) => {
        const cleaned = cleanText(text, cap);
        if (cleaned === null) return;
        expect(cleaned).not.toMatch(CONTROL);
        expect(cleaned).not.toMatch(BIDI);
        expect(cleaned).not.toMatch(ZERO_WIDTH);
        expect(cleaned.length).toBeLessThanOrEqual(cap);
        expect(cleaned).toBe(cleaned.trim());
        expect(cleaned).not.toMatch(/\s{2}/);
        expect(cleaned).not.toMatch(LONE_SURROGATE);
        expect(cleanText(cleaned, cap)).toBe(cleaned);
      }),
      RUNS,
    );
  });

  it('keeps ordinary text unchanged', () => {
    const word = fc.stringMatching(/^[A-Za-zА-Яа-яІіЇїЄєҐґ0-9<>&'.,-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(' ');
        expect(cleanText(text, 500)).toBe(text);
      }),
      RUNS,
    );
  });
});

/** The full cleaning pipeline with no shortcut: what cleanText and cleanNumber must always equal. */
function cleanTextInFull(value: string, maxLength: number): string | null {
  const cleaned = value
    .replace(LONE_SURROGATE_G, '\ufffd')
    .replace(/[\t\n\v\f\r\u0085]/g, ' ')
    .replace(CONTROL_G, '')
    .replace(INVISIBLE_G, '')
    .replace(/(\p{M}{4})\p{M}+/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  if (cleaned.length <= maxLength) return cleaned;
  let end = maxLength - 1;
  const last = cleaned.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return cleaned.slice(0, end).trimEnd() + '…';
}

function cleanNumberInFull(value: string): string | null {
  const trimmed = value.replace(CONTROL_G, '').replace(INVISIBLE_G, '').trim();
  const body = trimmed.replace(/[^0-9*#]/g, '');
  if (body === '') return null;
  const result = (trimmed.startsWith('+') ? '+' : '') + body;
  return result.length <= MAX_NUMBER_LENGTH ? result : null;
}
const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, 'g');
const CONTROL_G = new RegExp(CONTROL.source, 'g');
const INVISIBLE_G =
  /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\u00ad\u034f\u115f\u1160\u180e\u3164\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

describe('plain-text shortcuts', () => {
  // Mostly text that looks plain (the shortcut's case), with every kind of character mixed in.
  const nearPlain = fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fc.stringMatching(/^[\x21-\x7e\u00a0-\u00ff\u0400-\u04ff\u2000-\u2030\u2116]{1,8}$/) },
        { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\u00a0', '\u00ad', '\u0483', '\u0301', '\u2028', '\u2029', '\u202f', '\u3000') },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(nearPlain, hostileText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

  it('cleanText gives exactly what the full pipeline gives', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 40 }), (text, cap) => {
        expect(cleanText(text, cap)).toBe(cleanTextInFull(text, cap));
        expect(cleanText(text)).toBe(cleanTextInFull(text, 500));
      }),
      { numRuns: 3000 },
    );
  });

  it('cleanNumber gives exactly what the full pipeline gives', () => {
    const numberish = fc.oneof(fc.stringMatching(/^\+?[0-9*#+ -]{0,70}$/), anyText);
    fc.assert(
      fc.property(numberish, (text) => {
        expect(cleanNumber(text)).toBe(cleanNumberInFull(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('cleanNumber', () => {
  it('keeps digits, *, # and a leading +', () => {
    expect(cleanNumber('+38 (056) 777-77-77')).toBe('+380567777777');
    expect(cleanNumber('*97#')).toBe('*97#');
    expect(cleanNumber('38+0')).toBe('380');
    expect(cleanNumber('\u202e+380')).toBe('+380');
  });

  it('is null when nothing dialable is left', () => {
    expect(cleanNumber('anonymous')).toBeNull();
    expect(cleanNumber('+')).toBeNull();
    expect(cleanNumber(null)).toBeNull();
  });

  it('drops a number longer than 64 whole rather than shortening it', () => {
    expect(cleanNumber('1'.repeat(64))).toBe('1'.repeat(64));
    expect(cleanNumber('1'.repeat(65))).toBeNull();
  });

  it('never loses or reorders a digit of a number that fits', () => {
    const digits = fc.stringMatching(/^[0-9*#]{1,64}$/);
    const noise = fc.constantFrom(' ', '-', '(', ')', '.', '\u202e', '\u200b', '\t', 'ext');
    fc.assert(
      fc.property(fc.boolean(), digits, fc.array(noise, { maxLength: 10 }), fc.nat(), (plus, number, extra, seed) => {
        const chars = [...number];
        extra.forEach((piece, i) => chars.splice((seed + i * 7) % (chars.length + 1), 0, piece));
        const expected = (plus ? '+' : '') + number;
        if (expected.length > MAX_NUMBER_LENGTH) expect(cleanNumber((plus ? '+' : '') + chars.join(''))).toBeNull();
        else expect(cleanNumber((plus ? '+' : '') + chars.join(''))).toBe(expected);
      }),
      RUNS,
    );
  });

  it('returns only dialable characters, at most 64', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const number = cleanNumber(text);
        if (number !== null) expect(number).toMatch(/^\+?[0-9*#]{1,64}$/);
        if (number !== null) expect(number.length).toBeLessThanOrEqual(MAX_NUMBER_LENGTH);
      }),
      RUNS,
    );
  });
});

describe('normalizeFrame applies hygiene to every wire string', () => {
  it('cleans names, companies, displayName, trunkName, ids and numbers', () => {
    const result = normalizeFrame(
      wire(
        dialFrame({
          uuid: ' \u200bcall-9\n',
          leg: legOf({ displayName: 'Sup\u202eport\tVega', ext: ' 911 ' }),
          otherLegs: [crmCardOf({ id: ' 29\u200f', name: 'Тест\u0000 ', num: '+38 (056) 777-77-77', companyName: '<b>Co</b>\u2066' })],
          trunkName: 'Main\r\nline',
          trunkNum: '056 785 05 50',
        }),
      ),
    );
    expect(result).toMatchObject({
      kind: 'call',
      uuid: 'call-9',
      leg: { displayName: 'Support Vega', ext: '911' },
      crm: [{ id: '29', name: 'Тест', number: '+380567777777', company: '<b>Co</b>' }],
      trunkName: 'Main line',
      trunkNum: '0567850550',
    });
  });

  it('never lets control or bidi characters through any text field', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, company, label) => {
        const result = normalizeFrame(
          wire(dialFrame({ leg: legOf({ displayName: label }), otherLegs: [crmCardOf({ name, companyName: company })], trunkName: label })),
        );
        if (result.kind !== 'call') throw new Error(JSON.stringify(result));
        for (const text of [result.leg?.displayName, result.crm[0]?.name, result.crm[0]?.company, result.trunkName]) {
          if (text == null) continue;
          expect(text).not.toMatch(CONTROL);
          expect(text).not.toMatch(BIDI);
          expect(text.length).toBeLessThanOrEqual(500);
        }
      }),
      RUNS,
    );
  });
});
