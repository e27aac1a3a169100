// The link rules on small examples, so the walk over the real docs is known to catch each case.
import { describe, expect, it } from 'vitest';
import { findLinkProblems, headingAnchors, linkTargets, type LinkWorld } from './markdown-links';

const world: LinkWorld = {
  fileExists: (target) => ['docs/a.md', 'a.md', 'pic.png', '../CONTRIBUTING.md'].includes(target),
  anchorsOf: (target) => headingAnchors(target === '' ? '# Here\n## Two words' : '# Title\n## Packaging for the stores'),
  insideRepository: (target) => !target.startsWith('../../'),
};
const problems = (text: string) => findLinkProblems(text, world);

describe('markdown links', () => {
  it('finds inline links, images, references, autolinks and bare addresses', () => {
    expect(linkTargets('[a](docs/a.md) ![p](pic.png "t")\n[r]: a.md\n<https://x.org> and https://y.org/z.')).toEqual([
      'docs/a.md',
      'pic.png',
      'a.md',
      'https://x.org',
      'https://y.org/z.',
    ]);
  });

  it('reads no address inside code: fenced blocks and code spans are examples', () => {
    expect(linkTargets('`https://crm.example.com` and\n```json\n{"url": "https://example.com"}\n```\n')).toEqual([]);
  });

  it('accepts links to files that exist, and loopback examples', () => {
    expect(problems('[a](docs/a.md) [c](../CONTRIBUTING.md) <http://127.0.0.1:8765/__sim/drop> http://localhost:5173/')).toEqual([]);
  });

  it('refuses any address off the machine, a missing file, an absolute path and one above the repository', () => {
    expect(problems('[x](https://bugzilla.mozilla.org/show_bug.cgi?id=1)')).toEqual([
      'https://bugzilla.mozilla.org/show_bug.cgi?id=1 leaves the repository',
    ]);
    expect(problems('see https://example.com/x')).toEqual(['https://example.com/x leaves the repository']);
    expect(problems('[m](mailto:a@b.c)')).toEqual(['mailto:a@b.c leaves the repository']);
    expect(problems('[gone](docs/gone.md)')).toEqual(['docs/gone.md points at no file']);
    expect(problems('[abs](/etc/passwd)')).toEqual(['/etc/passwd is absolute: it only works on one machine']);
    expect(problems('[spec](../../shared/protocol/PROTOCOL.md)')).toEqual(['../../shared/protocol/PROTOCOL.md leaves the repository']);
  });

  it('checks anchors against the headings of the target, GitHub style', () => {
    expect(problems('[p](a.md#packaging-for-the-stores) [h](#two-words)')).toEqual([]);
    expect(problems('[p](a.md#packaging) [h](#nowhere)')).toEqual(['a.md#packaging names no heading there', '#nowhere names no heading there']);
  });

  it('makes GitHub anchors, repeats numbered', () => {
    expect([...headingAnchors('# What `npm test` runs\n## Тести й інше\n## A\n## A')]).toEqual(['what-npm-test-runs', 'тести-й-інше', 'a', 'a-1']);
  });
});
