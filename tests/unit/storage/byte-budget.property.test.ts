// The byte budget and the quarantine's bounds, for any records (fast-check).
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { jsonBytes, newestWithin } from '../../../src/storage/byte-budget';
import { QUARANTINE_MAX_RECORDS, prunedFor, withRejected } from '../../../src/storage/quarantine';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const records = fc.array(fc.record({ id: fc.integer(), text: fc.string({ unit: 'binary' }) }), { maxLength: 40 });

describe('newestWithin', () => {
  it('keeps the longest run of newest records whose JSON fits, measured in UTF-8', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 2, max: 2_000 }), (list, budget) => {
        const kept = newestWithin(list, budget);
        // A suffix: the newest records, in order.
        expect(kept).toEqual(list.slice(list.length - kept.length));
        if (kept.length > 0) expect(utf8(kept)).toBeLessThanOrEqual(budget);
        // Maximal: one more record would not fit.
        if (kept.length < list.length) expect(utf8(list.slice(list.length - kept.length - 1))).toBeGreaterThan(budget);
        // Nothing dropped: the same array (callers test identity).
        if (kept.length === list.length) expect(kept).toBe(list);
      }),
      { numRuns: 300 },
    );
  });

  it('counts what the browser counts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonBytes(value)).toBe(utf8(value));
      }),
    );
  });
});

describe('the quarantine', () => {
  const empty = { entries: [], total: 0 };

  it('keeps each bad record once, at most 50, and counts every one', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 120 }), (bad) => {
        const rejected = bad.map((record) => ({ record, problem: 'outcome: invalid' }));
        const once = withRejected(empty, 'callpop.history', rejected, '1.0.0', 1);
        const twice = withRejected(once, 'callpop.history', rejected, '1.0.0', 2);
        const distinct = new Set(bad.map((record) => JSON.stringify(record))).size;
        expect(once.total).toBe(distinct);
        expect(twice).toBe(once); // the same records again add nothing
        expect(once.entries.length).toBeLessThanOrEqual(QUARANTINE_MAX_RECORDS);
      }),
    );
  });

  it('an update keeps what this version and the one before set aside, and drops the rest', () => {
    let q = withRejected(empty, 'k', [{ record: 1, problem: 'p' }], '1.0.0', 1);
    q = withRejected(q, 'k', [{ record: 2, problem: 'p' }], '1.1.0', 2);
    q = withRejected(q, 'k', [{ record: 3, problem: 'p' }], '1.2.0', 3);
    expect(prunedFor(q, '1.2.0', '1.1.0').entries.map((e) => e.record)).toEqual([2, 3]);
    expect(prunedFor(q, '1.2.0', '1.1.0').total).toBe(3);
  });
});
