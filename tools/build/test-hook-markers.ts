// What only the test build may contain (src/build-flags.d.ts): the test handlers' global, the
// test tuning item and the timing probe's global. Used to prove a release build holds none.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const TEST_HOOK_MARKERS = ['__callpopTest', 'callpop.testTuning', 'callpopTimings'] as const;

/** Every `file: marker` found under `dir` (every file, not only JavaScript). */
export function testHooksIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const text = readFileSync(path, 'latin1');
      for (const marker of TEST_HOOK_MARKERS) if (text.includes(marker)) found.push(`${relative(dir, path)}: ${marker}`);
    }
  };
  walk(dir);
  return found;
}
