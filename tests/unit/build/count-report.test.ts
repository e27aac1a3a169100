// The closing line of `npm test` never looks better than the run was.
import { describe, expect, it } from 'vitest';
import { countReport } from '../../../tools/test/count-report';

function report(files: Array<{ status: string; tests: string[]; message?: string }>): string {
  const tests = files.flatMap((file) => file.tests);
  return JSON.stringify({
    numPassedTests: tests.filter((status) => status === 'passed').length,
    numFailedTests: tests.filter((status) => status === 'failed').length,
    numPendingTests: tests.filter((status) => status === 'pending').length,
    numTotalTests: tests.length,
    testResults: files.map((file, i) => ({
      name: `/repo/tests/unit/file-${i}.test.ts`,
      status: file.status,
      message: file.message ?? '',
      assertionResults: file.tests.map((status) => ({ status, title: 't' })),
    })),
  });
}

describe('countReport', () => {
  it('counts passed, failed and skipped tests', () => {
    const text = report([{ status: 'failed', tests: ['passed', 'failed', 'pending'] }, { status: 'passed', tests: ['passed'] }]);
    expect(countReport('unit', text)).toEqual({ passed: 2, failed: 1, skipped: 1, notes: [] });
  });

  it('a test file that failed to import counts as a failure', () => {
    const text = report([
      { status: 'failed', tests: [], message: "Cannot find module './gone' imported from /repo/tests/unit/file-0.test.ts\n    at …" },
      { status: 'passed', tests: ['passed', 'passed'] },
    ]);
    const counts = countReport('unit', text);
    expect(counts.passed).toBe(2);
    expect(counts.failed).toBe(1);
    expect(counts.notes).toEqual(["unit: /repo/tests/unit/file-0.test.ts failed outside any test: Cannot find module './gone' imported from /repo/tests/unit/file-0.test.ts"]);
  });

  it('a missing report counts as a failure', () => {
    expect(countReport('e2e', null)).toEqual({ passed: 0, failed: 1, skipped: 0, notes: ['e2e: no test report was written'] });
  });

  it('an unreadable report counts as a failure', () => {
    expect(countReport('e2e', '{"numPassedTests": 3').failed).toBe(1);
    expect(countReport('e2e', '{"numPassedTests": 3}').failed).toBe(1);
  });
});
