// A stored list is parsed record by record: one record that no longer parses (a value from
// another version, a corrupt write) is set aside and never costs the others.
import type * as z from 'zod/mini';

export interface ParsedList<T> {
  records: T[];
  /** What did not parse, as stored, with the first problem found. */
  rejected: Array<{ record: unknown; problem: string }>;
}

export function parseRecordList<T>(raw: unknown, record: z.ZodMiniType<T>): ParsedList<T> {
  if (raw === undefined || raw === null) return { records: [], rejected: [] };
  if (!Array.isArray(raw)) return { records: [], rejected: [{ record: raw, problem: 'not a list' }] };
  const records: T[] = [];
  const rejected: ParsedList<T>['rejected'] = [];
  for (const entry of raw as unknown[]) {
    const parsed = record.safeParse(entry);
    if (parsed.success) records.push(parsed.data);
    else rejected.push({ record: entry, problem: problemOf(parsed.error.issues) });
  }
  return { records, rejected };
}

/** The first issue as "path: message" (field names and zod's words only, never a stored value). */
export function problemOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path.map(String).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}
