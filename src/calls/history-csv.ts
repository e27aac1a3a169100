// Call history as CSV for spreadsheets. Pure. UTF-8 with a byte-order mark (Excel reads a file
// without one as the ANSI code page and garbles Ukrainian names), CRLF rows and RFC 4180 quoting.
import type { CallRecord } from './types';

export const CSV_COLUMNS = ['time', 'direction', 'outcome', 'duration', 'name', 'company', 'number', 'crm_link', 'note'] as const;

const BOM = '\uFEFF';

export interface CsvOptions {
  /** How a time (ms since epoch) is written; ISO 8601 UTC by default. */
  formatTime?: (epochMs: number) => string;
}

/** "+380 56 777-77-77": a phone number, which a spreadsheet must keep as it is. */
const PLAIN_PHONE = /^\+?\d[\d ()-]*$/;
/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"); tab and CR start DDE payloads too. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralizes a formula with a leading apostrophe, except for a plain phone number. */
export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_PHONE.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: a cell holding a comma, quote, CR or LF is quoted and its quotes doubled. */
export function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Seconds talked: from the answer to the end; empty when never answered or still unknown. */
function durationSeconds(record: CallRecord): string {
  if (record.bridgeAt === null || record.endAt === null) return '';
  return String(Math.max(0, Math.round((record.endAt - record.bridgeAt) / 1000)));
}

function row(record: CallRecord, formatTime: (epochMs: number) => string): string[] {
  const { caller } = record;
  return [
    formatTime(record.dialAt ?? record.firstSeenAt),
    record.direction,
    record.outcome ?? record.status,
    durationSeconds(record),
    caller.name ?? '',
    caller.company ?? '',
    caller.number ?? '',
    caller.url ?? '',
    record.note ?? '',
  ];
}

/** The whole file, oldest call first (the order history is kept in). */
export function historyCsv(records: readonly CallRecord[], options: CsvOptions = {}): string {
  const formatTime = options.formatTime ?? ((ms: number) => new Date(ms).toISOString());
  const lines = [[...CSV_COLUMNS], ...records.map((record) => row(record, formatTime))];
  return BOM + lines.map((cells) => cells.map((cell) => quoteCell(guardFormula(cell))).join(',')).join('\r\n') + '\r\n';
}
