// Issue 10: the REST client against the simulator's REST endpoints over real HTTP. Node's fetch
// exposes Set-Cookie, so the client carries JSESSIONID itself here (a browser keeps it instead).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../tools/simulator/simulator';
import { createRestClient } from '../../../src/rest/rest-client';
import { RestError } from '../../../src/rest/rest-errors';

const DOMAIN = 'demo.pbx.local';
const KEY = 'secret-key';

describe('REST client against the simulator', () => {
  let sim: Simulator;
  const client = (apiKey = KEY) => createRestClient({ baseUrl: `http://127.0.0.1:${sim.port}`, domain: DOMAIN, apiKey });
  const kindOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(RestError);
    return (error as RestError).kind;
  };

  beforeAll(async () => {
    sim = await startSimulator({ domain: DOMAIN, apiKey: KEY, subscribers: ['101', 'agent@example.com'] });
  });
  afterAll(async () => sim?.stop());
  beforeEach(() => {
    sim.setRestMode('documented');
    sim.setMissedCalls([]);
  });

  it('logs in on the first 403, then click-to-call answers a uuid and reaches the PBX with ext and number', async () => {
    const before = sim.restStats().logins;
    const answer = await client().makeCall('101', '+380671234567');
    expect(answer.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.restStats().logins).toBe(before + 1);
    expect(sim.makeCallRequests().at(-1)).toMatchObject({ legExt: '101', otherLegNum: '+380671234567', uuid: answer.uuid });
  });

  it('keeps the session cookie: a second call does not log in again', async () => {
    const c = client();
    await c.makeCall('101', '+380671234567');
    const logins = sim.restStats().logins;
    await c.makeCall('101', '+380501112233');
    expect(sim.restStats().logins).toBe(logins);
  });

  it('logs in again when the session expired (403), once', async () => {
    const c = client();
    await c.makeCall('101', '+380671234567');
    sim.expireRestSessions();
    const logins = sim.restStats().logins;
    await c.makeCall('101', '+380671234568');
    expect(sim.restStats().logins).toBe(logins + 1);
  });

  it('a wrong API key is "refused", without a retry storm', async () => {
    const refusedBefore = sim.restStats().refusedLogins;
    expect(await kindOf(client('wrong').makeCall('101', '+380671234567'))).toBe('refused');
    expect(sim.restStats().refusedLogins).toBe(refusedBefore + 1);
  });

  it('returns the missed calls of the window, paged by limit and offset', async () => {
    const base = 1_700_000_000;
    sim.setMissedCalls(Array.from({ length: 5 }, (_, i) => ({ uuid: `m${i}`, lgDirection: 4, dialAt: base + i * 60, otherLegs: [{ num: `+38067000000${i}` }] })));
    const c = client();
    const first = await c.missedCalls({ timeFrom: base + 60, timeTo: base + 240, limit: 2, offset: 0 });
    expect(first.calls.map((call) => call.uuid)).toEqual(['m1', 'm2']);
    const second = await c.missedCalls({ timeFrom: base + 60, timeTo: base + 240, limit: 2, offset: 2 });
    expect(second.calls.map((call) => call.uuid)).toEqual(['m3', 'm4']);
  });

  it('skips items that are not calls, keeps the rest', async () => {
    sim.setMissedCalls([{ uuid: 'ok', dialAt: 1_700_000_000 }, { dialAt: 1_700_000_001 }, 'junk', { uuid: 'ok2', dialAt: '1700000002' }]);
    const page = await client().missedCalls({ timeFrom: 1_699_999_000, timeTo: 1_700_001_000 });
    expect(page.calls.map((call) => call.uuid)).toEqual(['ok', 'ok2']);
    expect(page.skipped).toBe(1); // 'junk' has no dialAt to filter on and never reaches the answer
  });

  it('clamps the page size to the documented 1..50', async () => {
    await expect(client().missedCalls({ timeFrom: 0, timeTo: 1, limit: 500 })).resolves.toMatchObject({ calls: [] });
    await expect(client().missedCalls({ timeFrom: 0, timeTo: 1, limit: 0 })).resolves.toMatchObject({ calls: [] });
  });

  it('finds the agent by e-mail in the users list', async () => {
    const users = await client().users();
    expect(users.find((u) => u.email === 'agent@example.com')?.ext).toBe('101');
  });

  it('says "not-found" when the PBX has no REST API', async () => {
    sim.setRestMode('absent');
    expect(await kindOf(client().makeCall('101', '+380671234567'))).toBe('not-found');
  });

  it('says "bad-answer" when an answer is not in the documented shape', async () => {
    sim.setRestMode('odd');
    expect(await kindOf(client().makeCall('101', '+380671234567'))).toBe('bad-answer');
    expect(await kindOf(client().missedCalls({ timeFrom: 0, timeTo: 1 }))).toBe('bad-answer');
  });

  it('says "network" when nothing answers', async () => {
    const dead = createRestClient({ baseUrl: 'http://127.0.0.1:1', domain: DOMAIN, apiKey: KEY });
    expect(await kindOf(dead.login())).toBe('network');
  });

  it('never puts the API key in an error', async () => {
    const error = (await client('wrong-key-123').makeCall('101', '+380671234567').catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('wrong-key-123');
  });
});
