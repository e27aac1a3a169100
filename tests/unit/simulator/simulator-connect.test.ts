import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../tools/simulator/simulator';
import { connectClient, refusedStatus, sleepMs, type TestClient } from './ws-client';

const running: Simulator[] = [];
const openClients: TestClient[] = [];

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

async function connect(url: string): Promise<TestClient> {
  const client = await connectClient(url);
  openClients.push(client);
  return client;
}

afterEach(async () => {
  openClients.splice(0).forEach((client) => client.ws.terminate());
  await Promise.all(running.splice(0).map((sim) => sim.stop()));
});

describe('simulator handshake', () => {
  it('builds the documented URL with the query in order domain, apiKey, subscriber', async () => {
    const sim = await start({ domain: 'qwerty.pbx.vega.ua', apiKey: 'k&y=1' });
    const url = new URL(sim.connectionUrl());
    expect(url.pathname).toBe('/live/connector/v3/easy');
    expect([...url.searchParams.keys()]).toEqual(['domain', 'apiKey', 'subscriber']);
    expect(url.searchParams.get('apiKey')).toBe('k&y=1');
    expect(url.searchParams.get('subscriber')).toBe('101');
    expect(sim.wsBaseUrl).toBe(`ws://127.0.0.1:${sim.port}/live/connector/v3/easy`);
  });

  it('accepts an authorized client by extension or e-mail and counts it', async () => {
    const sim = await start();
    await connect(sim.connectionUrl());
    await connect(sim.connectionUrl({ subscriber: 'agent@example.com' }));
    await sim.waitForClients(2, 2_000);
    expect(sim.clientCount()).toBe(2);
    expect(sim.stats()).toMatchObject({ connectionAttempts: 2, acceptedConnections: 2, refusedAttempts: 0 });
  });

  it.each([
    ['apiKey', { apiKey: 'wrong' }],
    ['domain', { domain: 'other.pbx.local' }],
    ['subscriber', { subscriber: '999' }],
  ])('refuses a wrong %s with a bare 403', async (_name, overrides) => {
    const sim = await start();
    expect(await refusedStatus(sim.connectionUrl(overrides))).toBe(403);
    expect(sim.clientCount()).toBe(0);
    expect(sim.stats()).toMatchObject({ refusedAttempts: 1, acceptedConnections: 0 });
  });

  it('answers a wrong path with 404', async () => {
    const sim = await start();
    const url = sim.connectionUrl().replace('/v3/easy', '/v2/easy');
    expect(await refusedStatus(url)).toBe(404);
  });

  it('answers plain GETs with CORS-open 426, 403 and 404', async () => {
    const sim = await start();
    const http = (url: string) => fetch(url.replace(/^ws:/, 'http:'));
    const ok = await http(sim.connectionUrl());
    expect(ok.status).toBe(426);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const refused = await http(sim.connectionUrl({ apiKey: 'nope' }));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect((await http(`http://127.0.0.1:${sim.port}/elsewhere`)).status).toBe(404);
  });

  it('never logs the api key', async () => {
    const lines: string[] = [];
    const sim = await start({ apiKey: 's3cret-Key', log: (line) => lines.push(line) });
    await connect(sim.connectionUrl());
    await refusedStatus(sim.connectionUrl({ apiKey: 'another-s3cret' }));
    await refusedStatus(`${sim.wsBaseUrl}?domain=demo.pbx.local&APIKEY=s3cret-Key&subscriber=101`);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('\n')).not.toMatch(/s3cret/);
  });
});

describe('simulator frames', () => {
  it('plays frames in order with their delays honoured', async () => {
    const sim = await start();
    const client = await connect(sim.connectionUrl());
    const startedAt = Date.now();
    await sim.play([
      { delayMs: 0, frame: 'a' },
      { delayMs: 150, frame: 'b' },
      { delayMs: 150, frame: 'c' },
    ]);
    const elapsed = Date.now() - startedAt;
    await client.waitForFrames(3);
    expect(client.frames).toEqual(['a', 'b', 'c']);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('divides delays by speed', async () => {
    const sim = await start();
    const client = await connect(sim.connectionUrl());
    const startedAt = Date.now();
    await sim.play([{ delayMs: 2_000, frame: 'late' }], { speed: 20 });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    await client.waitForFrames(1);
    expect(client.frames).toEqual(['late']);
  });

  it('sends to the clients connected at the moment of each frame', async () => {
    const sim = await start();
    const early = await connect(sim.connectionUrl());
    const playing = sim.play([{ delayMs: 0, frame: 'first' }, { delayMs: 300, frame: 'second' }]);
    await early.waitForFrames(1);
    const late = await connect(sim.connectionUrl());
    await playing;
    await late.waitForFrames(1);
    await early.waitForFrames(2);
    expect(early.frames).toEqual(['first', 'second']);
    expect(late.frames).toEqual(['second']);
  });

  it('ignores and counts client frames when not strict', async () => {
    const sim = await start();
    const client = await connect(sim.connectionUrl());
    client.ws.send('{"event":"ping"}');
    client.ws.send('{"event":"ping"}');
    await sleepMs(100);
    sim.send('still here');
    await client.waitForFrames(1);
    expect(sim.clientCount()).toBe(1);
    expect(sim.stats().clientFramesReceived).toBe(2);
  });

  it('closes with 1008 on any client frame when strict', async () => {
    const sim = await start({ strict: true });
    const client = await connect(sim.connectionUrl());
    client.ws.send('{"event":"ping"}');
    expect(await client.closed).toEqual({ code: 1008, reason: 'client frames not allowed' });
    await sleepMs(20);
    expect(sim.clientCount()).toBe(0);
  });

  it('rewrites times on play so the scenario happens now', async () => {
    const sim = await start();
    const client = await connect(sim.connectionUrl());
    await sim.play([{ delayMs: 0, frame: '{"event":"call.dial","dialAt":1764000000000,"serverTime":"1764000000100"}' }], { rewriteTimes: true });
    const [frame] = await client.waitForFrames(1);
    const parsed = JSON.parse(frame ?? '') as { dialAt: number; serverTime: string };
    expect(typeof parsed.serverTime).toBe('string');
    expect(Math.abs(Number(parsed.serverTime) - Date.now())).toBeLessThan(1_000);
    expect(Number(parsed.serverTime) - parsed.dialAt).toBe(100);
  });

  it('with speed, maps every time onto the wall clock alike so one call keeps one dialAt', async () => {
    const sim = await start();
    const client = await connect(sim.connectionUrl());
    const t0 = 1_764_000_000_000;
    const startedAt = Date.now();
    await sim.play([
      { delayMs: 0, frame: JSON.stringify({ event: 'call.dial', dialAt: t0, bridgeAt: null, serverTime: t0 }) },
      { delayMs: 4_000, frame: JSON.stringify({ event: 'call.bridge', dialAt: t0, bridgeAt: t0 + 4_000, serverTime: String(t0 + 4_000) }) },
    ], { rewriteTimes: true, speed: 20 });
    const [dial, bridge] = (await client.waitForFrames(2)).map((text) => JSON.parse(text) as { dialAt: number; bridgeAt: number; serverTime: number | string });
    expect(bridge?.dialAt).toBe(dial?.dialAt);
    expect((bridge?.bridgeAt ?? 0) - (dial?.dialAt ?? 0)).toBe(200);
    expect(typeof bridge?.serverTime).toBe('string');
    expect(Math.abs(Number(dial?.serverTime) - startedAt)).toBeLessThan(100);
  });

  it('stops a play when its signal aborts, sending nothing more', async () => {
    const sim = await start();
    const client = await connect(sim.connectionUrl());
    const controller = new AbortController();
    const playing = sim.play([{ delayMs: 0, frame: 'one' }, { delayMs: 5_000, frame: 'two' }], { signal: controller.signal });
    await client.waitForFrames(1);
    controller.abort();
    await playing;
    expect(client.frames).toEqual(['one']);
  });
});
