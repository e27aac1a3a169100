import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateHour } from '../../../tools/simulator/generate-hour';
import { formatScenario } from '../../../tools/simulator/scenario';

interface Frame {
  event: string; uuid: string; parentUuid: string | null; lgDirection: number;
  leg: { id: number; type: number; displayName: string; ext: string | null };
  leg2: { ext: string } | null;
  otherLegs: Array<{ id: string | number | null; name: string | null; num: string; companyName: string | null; url: string; priority: number }> | null;
  dialAt: number; bridgeAt: number | null; serverTime: number | string; trunkNum: string | null; trunkName: string | null;
}

const parse = (frame: string) => JSON.parse(frame) as Frame;

const UUID = /^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** What is wrong with one generated frame sent at `clock` (plain checks: this runs ~10^5 times). */
function frameProblems(f: Frame, clock: number): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${f.uuid}: ${what}`);
  if (!['call.dial', 'call.bridge', 'call.hangup'].includes(f.event)) fail(`event ${f.event}`);
  if (!UUID.test(f.uuid)) fail('uuid shape');
  if (![1, 2, 4, 32, 64].includes(f.lgDirection)) fail(`lgDirection ${f.lgDirection}`);
  if (![1, 2].includes(f.leg.type)) fail('leg.type');
  if (typeof f.dialAt !== 'number') fail('dialAt type');
  const serverTime = Number(f.serverTime);
  // A duplicate is re-sent up to 1.5 s after its original, with the original's serverTime.
  if (serverTime > clock || serverTime < clock - 2_000) fail(`serverTime ${serverTime} vs clock ${clock}`);
  if (f.bridgeAt !== null && f.bridgeAt <= f.dialAt) fail('bridgeAt before dialAt');
  if (f.lgDirection === 1 && (f.otherLegs !== null || f.trunkNum !== null || f.leg2 === null)) fail('internal call shape');
  if (f.lgDirection !== 1 && f.leg2 !== null) fail('leg2 on an external call');
  if (f.lgDirection === 2 || f.lgDirection === 4) {
    if (!f.otherLegs || f.otherLegs.length === 0) fail('no otherLegs');
    for (const crm of f.otherLegs ?? []) {
      if (!/^\+380\d{9}$/.test(crm.num)) fail(`num ${crm.num}`);
      if (!crm.url.startsWith('https://')) fail(`url ${crm.url}`);
      if (crm.id === null && !crm.url.includes('/contacts/new?phone=%2B380')) fail('unknown client without create link');
      if (![1, 2, 3].includes(crm.priority)) fail('priority');
    }
  }
  return problems;
}

describe('generateHour', () => {
  it('is byte-identical for the same seed and differs for another seed', () => {
    const a = formatScenario(generateHour({ calls: 60, seed: 42 }));
    expect(formatScenario(generateHour({ calls: 60, seed: 42 }))).toBe(a);
    expect(formatScenario(generateHour({ calls: 60, seed: 43 }))).not.toBe(a);
  });

  it('spans about an hour with call-centre proportions', () => {
    const lines = generateHour({ calls: 200, seed: 7 });
    const total = lines.reduce((sum, line) => sum + line.delayMs, 0);
    expect(total).toBeGreaterThan(50 * 60_000);
    expect(total).toBeLessThan(75 * 60_000);
    const dials = lines.map((line) => parse(line.frame)).filter((f) => f.event === 'call.dial' && f.parentUuid === null);
    const share = (direction: number) => new Set(dials.filter((f) => f.lgDirection === direction).map((f) => f.uuid)).size / 200;
    const groupShare = new Set(dials.filter((f) => f.leg.type === 2).map((f) => f.uuid)).size / 200;
    expect(share(4) - groupShare).toBeGreaterThan(0.45);
    expect(share(2)).toBeGreaterThan(0.1);
    expect(share(1)).toBeGreaterThan(0.03);
    expect(groupShare).toBeGreaterThan(0.03);
    expect(share(32)).toBeGreaterThan(0);
    // Some frames arrive twice, as after a reconnect.
    expect(new Set(lines.map((line) => line.frame)).size).toBeLessThan(lines.length);
  });

  it('every frame is valid JSON with the documented fields, times matching the delays', () => {
    fc.assert(
      fc.property(fc.nat({ max: 25 }), fc.integer(), (calls, seed) => {
        let clock = 1_764_000_000_000;
        const problems = generateHour({ calls, seed, startAt: clock }).flatMap((line) => {
          clock += line.delayMs;
          return line.delayMs < 0 ? ['negative delay'] : frameProblems(parse(line.frame), clock);
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('links each group member call to the agent through parentUuid', () => {
    const frames = generateHour({ calls: 100, seed: 3 }).map((line) => parse(line.frame));
    const groupUuids = new Set(frames.filter((f) => f.leg.type === 2).map((f) => f.uuid));
    const members = frames.filter((f) => f.parentUuid !== null);
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) {
      expect(groupUuids.has(member.parentUuid ?? '')).toBe(true);
      expect(member.leg.ext).toBe('101');
    }
  });

  it('uses the given agent extension and rejects an impossible call count', () => {
    const frames = generateHour({ calls: 30, seed: 1, subscriber: '205' }).map((line) => parse(line.frame));
    expect(frames.some((f) => f.leg.ext === '205' || f.leg2?.ext === '205')).toBe(true);
    expect(() => generateHour({ calls: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateHour({ calls: 1.5, seed: 1 })).toThrow(RangeError);
  });
});
