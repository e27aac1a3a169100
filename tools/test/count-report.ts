// Reads one vitest JSON report into the counts of the closing "N passed, N failed" line. A test
// file that failed before any test ran (it did not import, a hook threw) counts as one failed
// test, and so does a report that is missing or unreadable: the line must never look better
// than the run was.
import * as z from 'zod/mini';

const vitestReportSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.optional(z.string()),
      assertionResults: z.array(z.object({ status: z.string() })),
    }),
  ),
});

export interface ReportCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Why a failure was counted that no test reported. */
  notes: string[];
}

/** `text`: the report file's content, or null when there is none. */
export function countReport(step: string, text: string | null): ReportCounts {
  if (text === null) return { passed: 0, failed: 1, skipped: 0, notes: [`${step}: no test report was written`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = vitestReportSchema.safeParse(json);
  if (!parsed.success) return { passed: 0, failed: 1, skipped: 0, notes: [`${step}: the test report could not be read`] };
  const report = parsed.data;
  const notes: string[] = [];
  let brokenFiles = 0;
  for (const file of report.testResults) {
    const testFailed = file.assertionResults.some((test) => test.status === 'failed');
    if (file.status === 'failed' && !testFailed) {
      brokenFiles++;
      notes.push(`${step}: ${file.name} failed outside any test: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles, skipped: report.numPendingTests, notes };
}
