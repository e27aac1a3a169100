import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyWithContext, FIREFOX_BODY_LIMIT } from '../../../src/calls/notification-body';
import { joinParts } from '../../../src/calls/notification-text';
import { cleanText } from '../../../src/protocol/text-hygiene';

describe('bodyWithContext (Firefox: the line goes into the body)', () => {
  it('puts company · number · line · group in one body', () => {
    expect(bodyWithContext('ТОВ «Київбуд» · +380972223344', 'Київ, основний · Sales')).toBe('ТОВ «Київбуд» · +380972223344 · Київ, основний · Sales');
    expect(bodyWithContext('', 'Sales')).toBe('Sales');
    expect(bodyWithContext('+380501112233', '')).toBe('+380501112233');
  });

  it("keeps the caller's story the last line, the line and group after the number as in every other pop", () => {
    // The story line (issue 18) comes as the message's second line (notification-policy.ts).
    expect(bodyWithContext('ТОВ «Київбуд» · +380972223344\n3rd call today · last missed 10:42', 'Київ, основний · Sales')).toBe(
      'ТОВ «Київбуд» · +380972223344 · Київ, основний · Sales\n3rd call today · last missed 10:42',
    );
    expect(bodyWithContext('3rd call today', 'Sales')).toBe('3rd call today · Sales');
    expect(bodyWithContext('\nCalled back 2 days ago', 'Sales')).toBe('Sales\nCalled back 2 days ago');
    const long = bodyWithContext(`${'Дуже довга назва '.repeat(20).trim()} · +380972223344\nLast call yesterday`, 'Київ, основний · Sales');
    expect(long.length).toBeLessThanOrEqual(FIREFOX_BODY_LIMIT);
    expect(long.endsWith('… · +380972223344 · Київ, основний · Sales\nLast call yesterday')).toBe(true);
  });

  it('cuts a long company name first, so the number and the line stay whole within 200 characters', () => {
    const body = bodyWithContext(`${'Дуже довга назва '.repeat(20).trim()} · +380972223344`, 'Київ, основний · Sales');
    expect(body.length).toBeLessThanOrEqual(FIREFOX_BODY_LIMIT);
    expect(body.length).toBeGreaterThan(FIREFOX_BODY_LIMIT - 5);
    expect(body.endsWith('… · +380972223344 · Київ, основний · Sales')).toBe(true);
  });

  it('never exceeds the limit, and is the plain join whenever that fits (any wire text)', () => {
    const part = fc.string({ maxLength: 300 }).map((s) => cleanText(s) ?? '');
    const joined = fc.array(part, { maxLength: 3 }).map((parts) => joinParts(parts));
    fc.assert(
      fc.property(joined, joined, fc.integer({ min: 40, max: 300 }), (message, context, limit) => {
        const body = bodyWithContext(message, context, limit);
        expect(body.length).toBeLessThanOrEqual(limit);
        const whole = joinParts([message, context]);
        if (whole.length <= limit) expect(body).toBe(whole);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every short part whole when only one part is long', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 200, maxLength: 2000 }).map((s) => cleanText(`A${s}`) ?? 'A'), (long) => {
        const body = bodyWithContext(`${long} · +380501112233`, 'Main line · Sales');
        expect(body.length).toBeLessThanOrEqual(FIREFOX_BODY_LIMIT);
        if (joinParts([long, '+380501112233', 'Main line', 'Sales']).length > FIREFOX_BODY_LIMIT) expect(body).toMatch(/ · \+380501112233 · Main line · Sales$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('with a story line too, never exceeds the limit and keeps the story whole (any wire text)', () => {
    const part = fc.string({ maxLength: 300 }).map((s) => cleanText(s) ?? '');
    const story = fc.constantFrom('3rd call today · last missed 10:42', 'Called back 2 days ago', 'Останній дзвінок учора');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 3 }), part, story, fc.integer({ min: 80, max: 300 }), (message, context, line, limit) => {
        const body = bodyWithContext(`${joinParts(message)}\n${line}`, context, limit);
        expect(body.length).toBeLessThanOrEqual(limit);
        expect(body.endsWith(line)).toBe(true);
        expect(body.split('\n').length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 1000 },
    );
  });
});
