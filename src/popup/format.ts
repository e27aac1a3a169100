// Times and durations for the popup, through Intl in the UI language.

// Building an Intl formatter costs far more than using one; 500 history rows reuse a handful.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(languageTag: string, unit: string): Intl.NumberFormat {
  const key = `${languageTag}|${unit}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(languageTag, { style: 'unit', unit, unitDisplay: 'short' });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(languageTag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${languageTag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(languageTag, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A live timer's text: m:ss under an hour, h:mm:ss after; negative (clock skew) shows 0:00. */
export function formatTimer(elapsedMs: number): string {
  const total = Number.isFinite(elapsedMs) ? Math.max(0, Math.floor(elapsedMs / 1000)) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** A finished call's length, e.g. "1 h 2 min 5 s" in the UI language (Intl.DurationFormat is not everywhere yet). */
export function formatDuration(ms: number, languageTag: string): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: [number, 'hour' | 'minute' | 'second'][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const shown = parts.filter(([value], index) => value > 0 || (index === 2 && total < 60));
  return shown
    .map(([value, unit]) => numberFormat(languageTag, unit).format(value))
    .join(' ');
}

export interface ClockOptions {
  /** For tests; the user's own zone otherwise. */
  timeZone?: string | undefined;
}

/** The calendar day and year in the display zone (YYYY-MM-DD); the locale is fixed because only equality matters. */
export function calendarDay(epochMs: number, options: ClockOptions): string {
  return dateFormat('en-CA', { timeZone: options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

/**
 * Time of day for today's events, day, month and time for the rest of this year, and the year
 * too for older ones: a call from a year ago must not read like one from this week.
 */
export function formatWhen(epochMs: number, now: number, languageTag: string, options: ClockOptions = {}): string {
  const day = calendarDay(epochMs, options);
  const today = calendarDay(now, options);
  const sameDay = day === today;
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  const format = dateFormat(languageTag, {
    timeZone: options.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    ...(sameYear ? {} : { year: 'numeric' }),
  });
  return format.format(epochMs);
}
