// `npm run mutate`: applies each hand-written mutant (tools/mutate/mutants-*.ts) on its own,
// runs the group's quick unit tests, then (if it survived) its full set, restores the file, and prints the kill rate per area and
// overall. Not part of `npm test` (minutes, not seconds). Exit code 1 below the target, or when
// a mutant no longer applies. `npm run mutate -- <word>` runs only the mutants whose area or
// name contains <word>; `npm run mutate -- --check` only checks that every mutant still applies.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Mutant, MutantGroup } from './mutant';
import { protocolMutants } from './mutants-protocol';
import { callsMutants } from './mutants-calls';
import { crmLinkMutants } from './mutants-crm-link';
import { connectionMutants } from './mutants-connection';

const TARGET = 0.9;
/** A busy machine slows the property tests past vitest's 5 s limit: a timeout must not pass for a kill. */
const TEST_TIMEOUT_MS = 120_000;
const groups: MutantGroup[] = [protocolMutants, callsMutants, crmLinkMutants, connectionMutants];
const checkOnly = process.argv.includes('--check');
const filter = process.argv.slice(2).find((arg) => !arg.startsWith('--'))?.toLowerCase();

type Outcome = 'killed' | 'survived' | 'equivalent' | 'stale' | 'applies';

function occurrences(text: string, part: string): number {
  return part === '' ? 0 : text.split(part).length - 1;
}

/** The original text of every file we touch, put back on exit whatever happens. */
const originals = new Map<string, string>();
function restoreAll(): void {
  for (const [file, text] of originals) writeFileSync(file, text);
}
process.on('exit', restoreAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

function testsPass(listed: string[]): boolean {
  // vitest fails on a filter that matches nothing: that must not count as a kill.
  const files = listed.filter((file) => existsSync(file));
  if (files.length === 0) return true;
  const test = spawnSync('npx', ['vitest', 'run', '--bail=1', '--reporter=dot', `--testTimeout=${TEST_TIMEOUT_MS}`, ...files], { encoding: 'utf8', timeout: 600_000 });
  return test.status === 0;
}

function run(mutant: Mutant, group: MutantGroup): Outcome {
  const original = readFileSync(mutant.file, 'utf8');
  if (occurrences(original, mutant.find) !== 1) return 'stale';
  if (mutant.equivalent) return 'equivalent';
  if (checkOnly) return 'applies';
  originals.set(mutant.file, original);
  writeFileSync(mutant.file, original.replace(mutant.find, () => mutant.replace));
  try {
    if (!testsPass(mutant.tests ?? group.quickTests)) return 'killed';
    return testsPass(group.fullTests) ? 'survived' : 'killed';
  } finally {
    writeFileSync(mutant.file, original);
    originals.delete(mutant.file);
  }
}

let killed = 0;
let counted = 0;
let failedToApply = 0;
const survivors: string[] = [];
const equivalents: string[] = [];
const lines: string[] = [];
for (const group of groups) {
  const chosen = group.mutants.filter((m) => !filter || group.area.toLowerCase().includes(filter) || m.name.toLowerCase().includes(filter));
  if (chosen.length === 0) continue;
  let groupKilled = 0;
  let groupCounted = 0;
  for (const mutant of chosen) {
    const outcome = run(mutant, group);
    console.log(`${outcome.padEnd(10)} ${group.area}: ${mutant.name} (${mutant.file})`);
    if (outcome === 'stale') failedToApply++;
    if (outcome === 'equivalent') equivalents.push(`${group.area}: ${mutant.name} — ${mutant.equivalent}`);
    if (outcome === 'killed' || outcome === 'survived') {
      groupCounted++;
      if (outcome === 'killed') groupKilled++;
      else survivors.push(`${group.area}: ${mutant.name} (${mutant.file})`);
    }
  }
  killed += groupKilled;
  counted += groupCounted;
  if (groupCounted > 0) lines.push(`${group.area}: ${groupKilled}/${groupCounted} killed (${((100 * groupKilled) / groupCounted).toFixed(1)} %)`);
}

if (checkOnly) {
  console.log(failedToApply > 0 ? `\n${failedToApply} mutant(s) no longer apply: update tools/mutate/mutants-*.ts` : '\nevery mutant applies');
  process.exit(failedToApply > 0 ? 1 : 0);
}
console.log('\n=== mutation run');
for (const line of lines) console.log(line);
if (survivors.length > 0) console.log(`\nsurvivors (tests missed these bugs):\n  ${survivors.join('\n  ')}`);
if (equivalents.length > 0) console.log(`\nequivalent mutants (not counted: no test can tell them apart):\n  ${equivalents.join('\n  ')}`);
if (failedToApply > 0) console.log(`\n${failedToApply} mutant(s) no longer apply: update tools/mutate/mutants-*.ts`);
const rate = counted === 0 ? 0 : killed / counted;
console.log(`\nkill rate: ${killed}/${counted} = ${(100 * rate).toFixed(1)} % (target ${100 * TARGET} %)`);
process.exit(failedToApply > 0 || rate < TARGET ? 1 : 0);
