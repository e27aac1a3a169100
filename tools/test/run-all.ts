// `npm test`: every check in order, stopping at the first failing step, then one closing line
// "N passed, N failed" that counts the unit and end-to-end tests together (count-report.ts says
// how a file that failed to import or a missing report is counted).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { countReport } from './count-report';

const reports = 'artifacts/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps: Array<{ name: string; cmd: string[]; report?: string }> = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`], report: `${reports}/unit.json` },
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  { name: 'bundle size budgets', cmd: ['npx', 'tsx', 'tools/test/check-bundle-size.ts'] },
  { name: 'no test hooks in the release build', cmd: ['npx', 'tsx', 'tools/test/check-release-hooks.ts'] },
  // The e2e suite drives the test build (dist/test-*): the release build plus the test hooks.
  { name: 'test build', cmd: ['npm', 'run', '--silent', 'build:test'] },
  { name: 'web-ext lint', cmd: ['npx', 'tsx', 'tools/test/web-ext-lint.ts'] },
  {
    name: 'e2e',
    cmd: ['npx', 'vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/e2e.json`],
    report: `${reports}/e2e.json`,
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let broken: string | null = null;
for (const step of steps) {
  if (step.name === 'web-ext lint' && !existsSync('tools/test/web-ext-lint.ts')) continue;
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const run = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit', env: process.env });
  let stepFailed = 0;
  if (step.report) {
    const counts = countReport(step.name, existsSync(step.report) ? readFileSync(step.report, 'utf8') : null);
    for (const note of counts.notes) console.log(`npm test: ${note}`);
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    stepFailed = counts.failed;
  }
  if (run.status !== 0 || stepFailed > 0) {
    broken = step.name;
    // A step that failed with no failing test to show for it still counts once.
    if (stepFailed === 0) failed += 1;
    break;
  }
}
if (broken) console.log(`\nnpm test: step "${broken}" failed`);
if (skipped > 0) console.log(`${skipped} tests were skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken ? 1 : 0);
