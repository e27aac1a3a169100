// `web-ext lint` on dist/firefox: no errors, and no warnings except the ones explained in the
// docs/testing.md ("What `npm test` runs"), each accepted only at the library code it comes from
// (web-ext-lint-rules.ts). Runs in `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAccepted, type LintMessage } from './web-ext-lint-rules';

const SOURCE_DIR = 'dist/firefox';
const source = (file: string) => {
  const path = join(SOURCE_DIR, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
};

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', SOURCE_DIR, '--output', 'json'], { encoding: 'utf8' });
const report = JSON.parse(run.stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
const unexplained = report.warnings.filter((w) => !isAccepted(w, source));
for (const m of [...report.errors, ...report.warnings]) {
  const tag = report.errors.includes(m) ? 'error' : unexplained.includes(m) ? 'warning' : 'warning (explained in docs/testing.md)';
  console.log(`web-ext lint ${tag}: ${m.code} ${m.message} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? ''}` : ''}`);
}
console.log(`web-ext lint: ${report.errors.length} errors, ${unexplained.length} unexplained warnings`);
process.exit(report.errors.length + unexplained.length > 0 ? 1 : 0);
