// The docs live in the repository: someone who clones it can follow every link, and the README
// stays a short front door. Checked here so a moved page or a link to the outside fails `npm test`.
// Decision: no http(s) link or bare address may leave the machine; loopback addresses
// (127.0.0.1, localhost, [::1]) are allowed as examples (the simulator's control routes).
// Addresses inside code (`…` spans and fenced blocks) are examples, not links, and not checked.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { findLinkProblems, headingAnchors, README_LIMIT_BYTES } from './markdown-links';

const root = resolve(import.meta.dirname, '../../..');
const skipped = new Set(['node_modules', 'dist', 'artifacts', '.git']);

/** README.md, CONTRIBUTING.md and every .md under docs/, tools/ and tests/. */
function markdownFiles(): string[] {
  const found = ['README.md', 'CONTRIBUTING.md'].map((f) => join(root, f));
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (skipped.has(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  for (const top of ['docs', 'tools', 'tests']) walk(join(root, top));
  return found;
}

describe('the docs in the repository', () => {
  it('keep the README under 8 KB', () => {
    const bytes = statSync(join(root, 'README.md')).size;
    expect(bytes, `README.md is ${bytes} bytes; move material to docs/<topic>.md`).toBeLessThan(README_LIMIT_BYTES);
  });

  it('check these files (the list is not silently empty)', () => {
    const files = markdownFiles().map((f) => relative(root, f));
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/protocol.md', 'tools/simulator/README.md']));
  });

  it('link only to files and headings that exist in the repository, and never outside it', () => {
    const problems = markdownFiles().flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return findLinkProblems(text, {
        fileExists: (target) => existsSync(resolve(dirname(file), target)),
        anchorsOf: (target) => {
          const path = target === '' ? file : resolve(dirname(file), target);
          return headingAnchors(readFileSync(path, 'utf8'));
        },
        insideRepository: (target) => !relative(root, resolve(dirname(file), target)).startsWith('..'),
      }).map((problem) => `${relative(root, file)}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  // The team's notes outside the repository (../shared/protocol/PROTOCOL.md, ../shared/*.md) are
  // not in a clone: the protocol is cited as docs/protocol.md, the browser facts as docs/browser-testing.md.
  const outside = /shared\/protocol|PROTOCOL\.md|shared\/[A-Z][A-Z-]*\.md/;

  it("cite pages in docs/, never the team's notes outside the repository", () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (skipped.has(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|md|json|html|css)$/.test(name) && !path.includes(join('tests', 'unit', 'docs'))) {
          const text = readFileSync(path, 'utf8');
          if (outside.test(text)) offenders.push(relative(root, path));
        }
      }
    };
    for (const top of ['src', 'tools', 'tests', 'docs', 'public']) walk(join(root, top));
    for (const top of ['README.md', 'CONTRIBUTING.md']) {
      if (outside.test(readFileSync(join(root, top), 'utf8'))) offenders.push(top);
    }
    expect(offenders, 'cite docs/protocol.md or docs/browser-testing.md instead').toEqual([]);
  });
});
