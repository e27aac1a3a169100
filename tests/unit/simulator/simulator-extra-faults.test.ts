// The fault switches added for issue 8: accept-then-close, binary frames, slow fragmented frames,
// and the event log that lets a test check the order of closes and handshakes.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../tools/simulator/simulator';
import { fragmentBounds } from '../../../tools/simulator/fragmented-send';
import { connectClient, sleepMs, type TestClient } from './ws-client';

const running: Simulator[] = [];
const openClients: TestClient[] = [];

async function start(): Promise<Simulator> {
  const sim = await startSimulator();
  running.push(sim);
  return sim;
}

async function connect(sim: Simulator): Promise<TestClient> {
  const client = await connectClient(sim.connectionUrl());
  openClients.push(client);
  return client;
}

afterEach(async () => {
  openClients.splice(0).forEach((client) => client.ws.terminate());
  await Promise.all(running.splice(0).map((sim) => sim.stop()));
});

describe('accept-then-close', () => {
  it('accepts the handshake, sends the first frame, then closes with the given code', async () => {
    const sim = await start();
    sim.setAcceptThenClose({ code: 4001, reason: 'bye', firstFrame: '{"event":"error","message":"bad key"}' });
    const client = await connect(sim);
    expect(await client.closed).toEqual({ code: 4001, reason: 'bye' });
    expect(client.frames).toEqual(['{"event":"error","message":"bad key"}']);
    expect(sim.stats()).toMatchObject({ acceptedConnections: 1, acceptedThenClosed: 1 });
    expect(sim.clientCount()).toBe(0);
  });

  it('cuts without a close frame when asked for 1006, and stops when switched off', async () => {
    const sim = await start();
    sim.setAcceptThenClose({ code: 1006 });
    expect((await (await connect(sim)).closed).code).toBe(1006);
    sim.setAcceptThenClose(null);
    const kept = await connect(sim);
    await sim.waitForClients(1, 2_000);
    sim.send('still here');
    expect(await kept.waitForFrames(1)).toEqual(['still here']);
  });
});

describe('binary and fragmented frames', () => {
  it('sends a binary frame as binary', async () => {
    const sim = await start();
    const client = await connect(sim);
    const got = new Promise<boolean>((resolve) => client.ws.once('message', (_data, isBinary) => resolve(isBinary)));
    sim.sendBinary(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    expect(await got).toBe(true);
  });

  it('delivers a frame cut inside a multi-byte character, slowly, as one whole text message', async () => {
    const sim = await start();
    const client = await connect(sim);
    const frame = JSON.stringify({ event: 'call.dial', name: 'Тест — ☎ 😀'.repeat(20) });
    const started = Date.now();
    await sim.sendFragmented(frame, { pieces: 7, gapMs: 30 });
    expect(await client.waitForFrames(1)).toEqual([frame]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(6 * 30 - 5);
  });

  it('cuts a length into the asked number of nearly equal pieces', () => {
    expect(fragmentBounds(10, 3)).toEqual([0, 3, 7, 10]);
    expect(fragmentBounds(2, 5)).toEqual([0, 1, 2]);
    expect(fragmentBounds(0, 3)).toEqual([0, 0]);
  });
});

describe('event log', () => {
  it('records upgrade, open and close in order with the close code', async () => {
    const sim = await start();
    const client = await connect(sim);
    client.ws.close(1000);
    await client.closed;
    await sleepMs(20);
    expect(sim.events().map((e) => [e.type, e.code])).toEqual([['upgrade', null], ['open', null], ['close', 1000]]);
  });
});
