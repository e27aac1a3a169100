// The replay tool and the extension must produce the same strings: these are Chrome's rules.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCatalogTranslator } from '../../../src/i18n/catalog-translator';

const t = createCatalogTranslator({
  plain: { message: 'Unknown caller' },
  named: { message: 'Missed: $WHO$ at $time$', placeholders: { who: { content: '$1' }, TIME: { content: '$2' } } },
  literal: { message: 'Costs $$5 or $$$$' },
  direct: { message: 'Hello $1, $2!' },
  fixed: { message: 'Line $line$', placeholders: { line: { content: 'Main' } } },
  badDigit: { message: 'a$xb' },
});

describe('createCatalogTranslator', () => {
  it('returns plain messages as written, and an empty string for an unknown key', () => {
    expect(t('plain')).toBe('Unknown caller');
    expect(t('missing')).toBe('');
  });

  it('matches keys and placeholder names case-insensitively, filling $1..$9 from substitutions', () => {
    expect(t('named', ['Olena', '10:15'])).toBe('Missed: Olena at 10:15');
    expect(t('NAMED', ['Olena', '10:15'])).toBe('Missed: Olena at 10:15');
    expect(t('direct', ['Ivan', 'there'])).toBe('Hello Ivan, there!');
  });

  it('turns $$ into $ and leaves missing substitutions empty', () => {
    // A run of n+1 dollars becomes n, as base::ReplaceStringPlaceholders does.
    expect(t('literal')).toBe('Costs $5 or $$$');
    expect(t('direct', ['Ivan'])).toBe('Hello Ivan, !');
    expect(t('fixed')).toBe('Line Main');
  });

  it('drops an invalid $x pair and gives up on more than nine substitutions, like Chrome', () => {
    expect(t('badDigit')).toBe('ab');
    expect(t('direct', Array.from({ length: 10 }, String))).toBe('');
  });

  it('never re-reads a substitution: any text comes out verbatim', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (who, time) => {
        expect(t('named', [who, time])).toBe(`Missed: ${who} at ${time}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('a message without $ is returned unchanged whatever the substitutions', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('$')), fc.array(fc.string(), { maxLength: 9 }), (message, subs) => {
        expect(createCatalogTranslator({ k: { message } })('k', subs)).toBe(message);
      }),
      { numRuns: 1000 },
    );
  });
});
