// The caller's story in one short line, in the UI language: "3rd call today · last missed 10:42",
// "Called back 2 days ago". Intl only (no browser API), so the core and the popup share it.
import type { Translate } from '../i18n/i18n-types';
import type { CallerStory } from './caller-story';

export interface StoryClock {
  /** BCP 47 tag of the UI language. */
  languageTag: string;
  /** For tests; the agent's own zone otherwise. */
  timeZone?: string | undefined;
}

const DAY_MS = 24 * 60 * 60_000;
// Building an Intl object costs far more than using one: a ring reuses these.
const formats = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** The calendar day of `ms` in the clock's zone, as `YYYY-MM-DD`. */
export function dayOf(ms: number, clock: StoryClock): string {
  return cached(`day|${clock.timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone: clock.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(ms);
}

const dayNamers = new Map<string | undefined, (ms: number) => string>();

/** dayOf for one zone as one lasting function (callers may memoize by its identity). */
export function dayNamer(clock: StoryClock): (ms: number) => string {
  let namer = dayNamers.get(clock.timeZone);
  if (!namer) {
    const zone: StoryClock = { languageTag: 'en', timeZone: clock.timeZone };
    namer = (ms: number) => dayOf(ms, zone);
    dayNamers.set(clock.timeZone, namer);
  }
  return namer;
}

function daysBetween(from: number, to: number, clock: StoryClock): number {
  return Math.round((Date.parse(dayOf(to, clock)) - Date.parse(dayOf(from, clock))) / DAY_MS);
}

/** "10:42" today, "yesterday", "2 days ago" before. */
function when(ms: number, now: number, clock: StoryClock): string {
  const days = daysBetween(ms, now, clock);
  if (days <= 0) {
    const time = cached(`time|${clock.languageTag}|${clock.timeZone}`, () => new Intl.DateTimeFormat(clock.languageTag, { timeZone: clock.timeZone, hour: '2-digit', minute: '2-digit' }));
    return time.format(ms);
  }
  const relative = cached(`rel|${clock.languageTag}`, () => new Intl.RelativeTimeFormat(clock.languageTag, { numeric: 'auto' }));
  return relative.format(-days, 'day');
}

/** Ordinal message per English plural category ("2nd", "3rd", "21st"); Ukrainian says "-й" for all. */
function callsTodayText(count: number, clock: StoryClock, t: Translate): string {
  const rules = cached(`ord|${clock.languageTag}`, () => new Intl.PluralRules(clock.languageTag, { type: 'ordinal' }));
  const category = rules.select(count);
  const key = category === 'one' || category === 'two' || category === 'few' ? `storyCallToday_${category}` : 'storyCallToday_other';
  return t(key, [String(count)]);
}

/** The line, or '' when the story has nothing worth a line. `now` is PBX time. */
export function storyText(story: CallerStory | null, now: number, clock: StoryClock, t: Translate): string {
  if (story === null) return '';
  const parts: string[] = [];
  if (story.callsToday >= 2) parts.push(callsTodayText(story.callsToday, clock, t));
  const { lastMissedAt, calledBackAt } = story;
  if (lastMissedAt !== null && (calledBackAt === null || lastMissedAt > calledBackAt)) parts.push(t('storyLastMissed', [when(lastMissedAt, now, clock)]));
  else if (calledBackAt !== null) parts.push(t('storyCalledBack', [when(calledBackAt, now, clock)]));
  if (parts.length === 0) parts.push(t('storyLastCall', [when(story.lastCallAt, now, clock)]));
  const line = parts.join(' · ');
  // The messages are lower case so they read well after " · "; the line itself starts a sentence.
  return line.charAt(0).toLocaleUpperCase(clock.languageTag) + line.slice(1);
}
