// Which `web-ext lint` warnings are accepted: a known code AT a known library's code, checked in
// the bundled file itself (chunk names carry hashes and move between chunks). The same code
// anywhere else — a new unsafe assignment in our own code — is unexplained and fails the suite.

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface AcceptedWarning {
  code: string;
  /** Whose code it is and why it is harmless (repeated in docs/testing.md, "What `npm test` runs"). */
  why: string;
  /** Must occur in the 300 characters before the reported position. */
  before: RegExp;
  /** Must match the text starting at the reported position. */
  at: RegExp;
}

export const ACCEPTED_WARNINGS: readonly AcceptedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "Preact's renderer: the innerHTML path behind dangerouslySetInnerHTML, which our ESLint rule forbids using",
    before: /dangerouslySetInnerHTML/,
    // Preact assigns the prop's `__html`, or clears it with an empty string.
    at: /^[\w$]+\.innerHTML=(?:[\w$]+\.__html|``|""|'')/,
  },
];

const CONTEXT = 300;

/** `source(file)`: the text of a file of the linted folder, or null when there is none. */
export function isAccepted(warning: LintMessage, source: (file: string) => string | null): boolean {
  const rule = ACCEPTED_WARNINGS.find((r) => r.code === warning.code);
  if (!rule || !warning.file || warning.line === undefined || warning.column === undefined) return false;
  const line = source(warning.file)?.split('\n')[warning.line - 1];
  if (line === undefined) return false;
  const at = warning.column - 1; // web-ext counts columns from 1
  return rule.before.test(line.slice(Math.max(0, at - CONTEXT), at)) && rule.at.test(line.slice(at));
}
