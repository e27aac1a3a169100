// urlFromWire remembers the links it read lately (each frame of a call repeats them): whatever
// the order, repeats and number of links, its answer is the one a fresh reading gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH, urlFromWire } from '../../../src/protocol/wire-fields';
import { safeHttpUrlOrNull } from '../../../src/protocol/crm-link';

function freshReading(value: string): { url: string | null; urlRejected: boolean } {
  if (value.trim() === '') return { url: null, urlRejected: false };
  const url = value.length <= MAX_URL_LENGTH ? safeHttpUrlOrNull(value) : null;
  return url ? { url: url.href, urlRejected: false } : { url: null, urlRejected: true };
}

const link = fc.oneof(
  fc.webUrl(),
  fc.webUrl().map((url) => ` ${url}\t`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('javascript:alert(1)', 'https://user:pw@example.com/', '/relative', 'https://CRM.example.com/a/../b', 'https://[bad', 'java\tscript:x', ''),
  fc.string(),
  fc.string({ minLength: 500, maxLength: 600 }).map((tail) => `https://crm.example.com/${tail}`),
);

describe('urlFromWire', () => {
  it('answers as a fresh reading does, for any sequence of links with repeats', () => {
    fc.assert(
      fc.property(fc.array(link, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 200 }), (links, picks) => {
        for (const value of links) expect(urlFromWire(value)).toEqual(freshReading(value));
        for (const pick of picks) {
          const value = links[pick % links.length]!;
          expect(urlFromWire(value)).toEqual(freshReading(value));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('still answers right after more distinct links than it remembers', () => {
    const links = Array.from({ length: 1_000 }, (_, i) => (i % 3 === 0 ? `javascript:void(${i})` : `https://crm.example.com/contacts/${i}`));
    for (let round = 0; round < 2; round++) for (const value of links) expect(urlFromWire(value)).toEqual(freshReading(value));
  });
});
