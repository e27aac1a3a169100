// What the "To call back" section shows for each waiting caller. Pure, so it is unit-tested.
import type { CallBackEntry } from '../calls/types';
import { CALL_BACK_MAX_AGE_MS } from '../calls/call-back-age';
import type { Translate } from '../i18n/i18n-types';
import type { CallerView } from './caller-view';
import { formatWhen, type ClockOptions } from './format';

export interface CallBackView {
  /** The normalized number: what "Done" sends back. */
  key: string;
  caller: CallerView;
  attempts: number;
  /** "waiting 12 min". */
  waiting: string;
  /** "first call 10:42" (date and time when not today). */
  firstAt: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function unitText(value: number, unit: 'minute' | 'hour' | 'day', languageTag: string): string {
  const key = `${languageTag}|${unit}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(languageTag, { style: 'unit', unit, unitDisplay: 'short' });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** How long a caller has waited, coarse on purpose: "12 min", "2 hr 5 min", "3 days". */
export function formatWaiting(ms: number, languageTag: string): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return unitText(minutes, 'minute', languageTag);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return [unitText(hours, 'hour', languageTag), minutes % 60 > 0 ? unitText(minutes % 60, 'minute', languageTag) : ''].filter(Boolean).join(' ');
  return unitText(Math.floor(hours / 24), 'day', languageTag);
}

function callerOf(entry: CallBackEntry, t: Translate): CallerView {
  const { caller } = entry;
  return {
    callUuid: entry.call,
    title: caller.name ?? caller.number ?? t('popupUnknownCaller'),
    company: caller.company,
    number: caller.number,
    line: null,
    groupName: null,
    primary: caller.url === null ? null : { url: caller.url, unknown: caller.unknown, actionLabel: t(caller.unknown ? 'popupCreateContact' : 'popupOpenInCrm') },
    crm: [],
  };
}

export interface CallBackInput extends ClockOptions {
  entries: readonly CallBackEntry[];
  /** Local epoch ms, and the PBX clock offset the entries' times are on. */
  now: number;
  offsetMs: number;
  languageTag: string;
  t: Translate;
}

/** Oldest first attempt first; entries past the age limit are not shown even before the worker drops them. */
export function buildCallBackViews(input: CallBackInput): CallBackView[] {
  const { t, languageTag } = input;
  const pbxNow = input.now + input.offsetMs;
  return input.entries
    .filter((entry) => pbxNow - entry.lastAt <= CALL_BACK_MAX_AGE_MS)
    .sort((a, b) => a.firstAt - b.firstAt)
    .map((entry) => ({
      key: entry.key,
      caller: callerOf(entry, t),
      attempts: entry.attempts,
      waiting: t('popupCallBackWaiting', [formatWaiting(pbxNow - entry.firstAt, languageTag)]),
      firstAt: t('popupCallBackFirstAt', [formatWhen(entry.firstAt - input.offsetMs, input.now, languageTag, input)]),
    }));
}
