// The bench refuses to measure while a managed policy on the machine reaches extensions (issue 17 §5).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertNoForeignFirefoxPolicy, assertNoForeignPolicyFiles, foreignFirefoxPolicyFiles, foreignPolicyFiles } from '../../../tools/bench/foreign-policy';
import { CHROME_EXTENSION_ID } from '../../e2e/support/chromium';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'callpop-policy-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('foreign managed policies (bench)', () => {
  it('finds a Chromium policy that configures our extension and names it in the error', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'unrelated.json'), JSON.stringify({ HomepageLocation: 'http://127.0.0.1/' }));
    writeFileSync(join(dir, 'callpop.json'), JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { domain: 'elsewhere' } } } }));
    expect(foreignPolicyFiles(dir)).toEqual([join(dir, 'callpop.json')]);
    expect(() => assertNoForeignPolicyFiles(dir)).toThrow(/callpop\.json.*figures would not be ours/);
  });

  it('passes a machine with no policy folder or only unrelated policies', () => {
    expect(() => assertNoForeignPolicyFiles(join(scratch(), 'missing'))).not.toThrow();
    const dir = scratch();
    writeFileSync(join(dir, 'unrelated.json'), JSON.stringify({ HomepageLocation: 'http://127.0.0.1/' }));
    expect(foreignPolicyFiles(dir)).toEqual([]);
  });

  it('finds a Firefox policies.json with ExtensionSettings or our add-on id', () => {
    const dir = scratch();
    const ours = join(dir, 'policies.json');
    const other = join(dir, 'other.json');
    writeFileSync(ours, JSON.stringify({ policies: { '3rdparty': { Extensions: { 'callpop@callpop.example': { domain: 'x' } } } } }));
    writeFileSync(other, JSON.stringify({ policies: { DisableTelemetry: true } }));
    expect(foreignFirefoxPolicyFiles([ours, other, join(dir, 'missing.json')])).toEqual([ours]);
    expect(() => assertNoForeignFirefoxPolicy([ours])).toThrow(/Firefox enterprise policy/);
    expect(() => assertNoForeignFirefoxPolicy([other])).not.toThrow();
  });
});
