import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startSimulator, type Simulator } from '../../../tools/simulator/simulator';
import { connectClient, refusedStatus, sleepMs, type TestClient } from './ws-client';

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

function control(sim: Simulator, path: string, body?: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${sim.port}/__sim/${path}`, { method: body === undefined && path === 'state' ? 'GET' : 'POST', body });
}

afterEach(async () => {
  openClients.splice(0).forEach((client) => client.ws.terminate());
  await Promise.all(running.splice(0).map((sim) => sim.stop()));
});

describe('simulator faults', () => {
  it('drop cuts every socket without a close frame (1006)', async () => {
    const sim = await start();
    const a = await connect(sim);
    const b = await connect(sim);
    sim.drop();
    expect((await a.closed).code).toBe(1006);
    expect((await b.closed).code).toBe(1006);
    await sleepMs(20);
    expect(sim.clientCount()).toBe(0);
  });

  it('close ends every socket cleanly with the given code and reason', async () => {
    const sim = await start();
    const client = await connect(sim);
    sim.close(4000, 'maintenance');
    expect(await client.closed).toEqual({ code: 4000, reason: 'maintenance' });
  });

  it('silent discards and counts frames, then resumes', async () => {
    const sim = await start();
    const client = await connect(sim);
    sim.setSilent(true);
    sim.send('lost-1');
    await sim.play([{ delayMs: 0, frame: 'lost-2' }]);
    sim.setSilent(false);
    sim.send('kept');
    await client.waitForFrames(1);
    await sleepMs(50);
    expect(client.frames).toEqual(['kept']);
    expect(sim.stats()).toMatchObject({ framesDiscarded: 2, framesSent: 1 });
  });

  it('refuse answers every handshake with 403 until switched off', async () => {
    const sim = await start();
    sim.setRefuse(true);
    expect(await refusedStatus(sim.connectionUrl())).toBe(403);
    sim.setRefuse(false);
    await connect(sim);
    expect(sim.stats()).toMatchObject({ refusedAttempts: 1, acceptedConnections: 1 });
  });

  it('stall accepts TCP but never answers the upgrade', async () => {
    const sim = await start();
    sim.setStall(true);
    const ws = new WebSocket(sim.connectionUrl(), { handshakeTimeout: 300 });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', () => resolve('answered'));
      ws.once('error', (error) => resolve(error.message));
    });
    expect(outcome).toMatch(/timed out/i);
    expect(sim.stats()).toMatchObject({ connectionAttempts: 1, acceptedConnections: 0 });
  });

  it('stop frees the port and restart listens on the same port again', async () => {
    const sim = await start();
    const port = sim.port;
    const client = await connect(sim);
    await sim.stop();
    expect((await client.closed).code).toBe(1006);
    const refused = await new Promise<string>((resolve) => {
      const probe = createConnection({ port, host: '127.0.0.1' });
      probe.once('connect', () => { probe.destroy(); resolve('connected'); });
      probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    await sim.restart();
    expect(sim.port).toBe(port);
    const again = await connect(sim);
    await sim.waitForClients(1, 2_000);
    sim.send('after restart');
    expect(await again.waitForFrames(1)).toEqual(['after restart']);
  });

  it('stop also frees the port while a handshake is stalled and a play is pending', async () => {
    const sim = await start();
    await connect(sim);
    const playing = sim.play([{ delayMs: 60_000, frame: 'never' }]);
    sim.setStall(true);
    const stalled = new WebSocket(sim.connectionUrl());
    stalled.on('error', () => {});
    await sleepMs(50);
    await sim.stop();
    await playing;
    await sim.restart();
    expect(sim.port).toBeGreaterThan(0);
  });

  it('waitForClients rejects after its timeout', async () => {
    const sim = await start();
    await expect(sim.waitForClients(1, 50)).rejects.toThrow(/0 of 1/);
  });
});

describe('simulator control endpoints', () => {
  it('send, silent and state work over HTTP', async () => {
    const sim = await start();
    const client = await connect(sim);
    expect((await control(sim, 'send', '{"event":"call.dial"}')).status).toBe(200);
    await client.waitForFrames(1);
    expect(client.frames).toEqual(['{"event":"call.dial"}']);
    expect((await control(sim, 'silent?on=1')).status).toBe(200);
    await control(sim, 'send', 'dropped');
    const state = (await (await control(sim, 'state')).json()) as Record<string, number>;
    expect(state).toMatchObject({ clientCount: 1, framesSent: 1, framesDiscarded: 1 });
  });

  it('play takes a JSONL body and rejects a bad one naming the line', async () => {
    const sim = await start();
    const client = await connect(sim);
    const ok = await control(sim, 'play?rewriteTimes=0', '{"delayMs":0,"frame":"x"}\n\n{"delayMs":10,"frame":"y"}\n');
    expect(ok.status).toBe(202);
    expect(await client.waitForFrames(2)).toEqual(['x', 'y']);
    const bad = await control(sim, 'play', '{"delayMs":0,"frame":"x"}\nnope\n');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/line 2/);
  });

  it('drop, refuse and stall toggles work over HTTP', async () => {
    const sim = await start();
    const client = await connect(sim);
    await control(sim, 'drop');
    expect((await client.closed).code).toBe(1006);
    await control(sim, 'refuse?on=1');
    expect(await refusedStatus(sim.connectionUrl())).toBe(403);
    await control(sim, 'refuse?on=0');
    expect((await control(sim, 'stall?on=maybe')).status).toBe(400);
    await connect(sim);
    expect(sim.clientCount()).toBe(1);
  });
});
