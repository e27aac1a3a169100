// Finds the links in a markdown text and says which ones do not stay in the repository.
// Plain text in, problems out, so the rules are tested on examples (markdown-links.test.ts)
// apart from the walk over the real files (docs-links.test.ts).

/** The README is the front door: under this, everything longer goes to docs/. */
export const README_LIMIT_BYTES = 8 * 1024;

export interface LinkWorld {
  /** Whether a relative target (no anchor) is an existing file or folder. */
  fileExists(target: string): boolean;
  /** The heading anchors of a markdown target ('' = this file). */
  anchorsOf(target: string): Set<string>;
  /** Whether a relative target stays inside the repository. */
  insideRepository(target: string): boolean;
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])([:/]|$)/i;

/** The text with fenced blocks and `code spans` blanked out: addresses there are examples. */
export function withoutCode(text: string): string {
  return withoutFences(text).replace(/(`+)[^`]*?\1/g, '');
}

function withoutFences(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** Every link target: [text](target), ![alt](target), [ref]: target, <scheme:…>, and bare http(s) addresses. */
export function linkTargets(text: string): string[] {
  const prose = withoutCode(text);
  const targets: string[] = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1] ?? '');
  for (const m of prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) targets.push(m[1] ?? '');
  for (const m of prose.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi)) targets.push(m[1] ?? '');
  // A bare address is a link on GitHub too; the ones already counted as (target) are skipped.
  const bare = prose.replace(/\]\([^)]*\)/g, '](…)').replace(/<[a-z][a-z0-9+.-]*:[^>\s]+>/gi, '');
  for (const m of bare.matchAll(/\bhttps?:\/\/[^\s)<>"'`]+/gi)) targets.push(m[0]);
  return targets;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2 … */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of withoutFences(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = (m[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** One line per link that leaves the repository, points at nothing, or names a missing heading. */
export function findLinkProblems(text: string, world: LinkWorld): string[] {
  const problems: string[] = [];
  for (const target of linkTargets(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      if (!LOOPBACK.test(target)) problems.push(`${target} leaves the repository`);
      continue;
    }
    if (target.startsWith('/')) {
      problems.push(`${target} is absolute: it only works on one machine`);
      continue;
    }
    const [rawPath = '', anchor] = target.split('#', 2);
    const path = decodeURI(rawPath);
    if (path !== '' && !world.insideRepository(path)) {
      problems.push(`${target} leaves the repository`);
      continue;
    }
    if (path !== '' && !world.fileExists(path)) {
      problems.push(`${target} points at no file`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && (path === '' || path.endsWith('.md')) && !world.anchorsOf(path).has(anchor)) {
      problems.push(`${target} names no heading there`);
    }
  }
  return problems;
}
