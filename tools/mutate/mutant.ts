// One hand-written mutant: a small, realistic bug put into one file, and the unit test files
// that must notice it. `find` must occur exactly once in `file`, so a mutant that no longer
// applies (the code moved on) is reported instead of silently testing nothing.
export interface Mutant {
  /** What the bug is, as a reviewer would say it. */
  name: string;
  file: string;
  find: string;
  replace: string;
  /** Unit test files to run first instead of the group's quick ones (fast tests that should catch it). */
  tests?: string[];
  /** Set when no test can kill it because the program behaves the same: say why. */
  equivalent?: string;
}

/** A named group of mutants; the kill rate is reported per group and overall. */
export interface MutantGroup {
  area: string;
  /** Fast example tests, run first: most mutants die here in seconds. */
  quickTests: string[];
  /** Run only when a mutant survived the quick ones (property tests take a minute on a busy machine). */
  fullTests: string[];
  mutants: Mutant[];
}
