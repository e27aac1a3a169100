// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDuration, formatTimer, formatWhen } from '../../../src/popup/format';

describe('live timer text', () => {
  it('shows m:ss under an hour and h:mm:ss after', () => {
    expect(formatTimer(0)).toBe('0:00');
    expect(formatTimer(65_999)).toBe('1:05');
    expect(formatTimer(3_600_000)).toBe('1:00:00');
    expect(formatTimer(36_061_000)).toBe('10:01:01');
  });

  it('shows 0:00 rather than a negative or broken time when clocks disagree', () => {
    expect(formatTimer(-5_000)).toBe('0:00');
    expect(formatTimer(Number.NaN)).toBe('0:00');
  });

  it('always reads back as the whole seconds elapsed', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e10, max: 1e10, noNaN: true }), (ms) => {
        const text = formatTimer(ms);
        expect(text).toMatch(/^(\d+:[0-5]\d:[0-5]\d|[0-5]?\d:[0-5]\d)$/);
        const seconds = text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
        expect(seconds).toBe(Math.max(0, Math.floor(ms / 1000)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('durations and dates', () => {
  it('formats talk time in the UI language', () => {
    expect(formatDuration(45_000, 'en')).toBe('45 sec');
    expect(formatDuration(0, 'en')).toBe('0 sec');
    expect(formatDuration(125_000, 'uk')).toBe('2 хв 5 с');
  });

  it('shows only the time today and the date before', () => {
    const now = Date.UTC(2024, 0, 2, 12, 0);
    expect(formatWhen(Date.UTC(2024, 0, 2, 8, 5), now, 'uk', { timeZone: 'UTC' })).toBe('08:05');
    expect(formatWhen(Date.UTC(2024, 0, 1, 8, 5), now, 'en', { timeZone: 'UTC' })).toBe('Jan 1, 08:05 AM');
  });

  it('adds the year to a date from another year, in both languages', () => {
    const now = Date.UTC(2026, 11, 1, 12, 0);
    expect(formatWhen(Date.UTC(2025, 10, 23, 12, 13), now, 'en', { timeZone: 'UTC' })).toBe('Nov 23, 2025, 12:13 PM');
    expect(formatWhen(Date.UTC(2025, 10, 23, 12, 13), now, 'uk', { timeZone: 'UTC' })).toBe('23 лист. 2025 р., 12:13');
    expect(formatWhen(Date.UTC(2026, 10, 23, 12, 13), now, 'uk', { timeZone: 'UTC' })).toBe('23 лист., 12:13');
  });

  it('decides today and this year in the display zone, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Kyiv: the same day and year as "now" there.
    const now = Date.UTC(2026, 0, 1, 8, 0);
    expect(formatWhen(Date.UTC(2025, 11, 31, 23, 30), now, 'uk', { timeZone: 'Europe/Kyiv' })).toBe('01:30');
    expect(formatWhen(Date.UTC(2025, 11, 31, 21, 30), now, 'en', { timeZone: 'Europe/Kyiv' })).toBe('Dec 31, 2025, 11:30 PM');
  });

  it('never shows a date without its year when the year differs (any two instants)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (at, now) => {
        const text = formatWhen(at, now, 'en', { timeZone: 'UTC' });
        const year = new Date(at).getUTCFullYear();
        expect(text.includes(String(year))).toBe(year !== new Date(now).getUTCFullYear());
      }),
    );
  });
});
