// /__sim/* endpoints on the simulator's own port, for the demo and manual fault testing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerJson } from './http-answers';
import { parseScenario } from './scenario';
import type { Simulator } from './simulator-types';

export const CONTROL_PREFIX = '/__sim/';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const CONTROL_ENDPOINTS = [
  'POST /__sim/drop',
  'POST /__sim/close?code=1000&reason=…',
  'POST /__sim/silent?on=1|0',
  'POST /__sim/refuse?on=1|0',
  'POST /__sim/stall?on=1|0',
  'POST /__sim/send        (body: one frame)',
  'POST /__sim/play?speed=1&rewriteTimes=1   (body: JSON Lines scenario)',
  'GET  /__sim/state',
] as const;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function flag(url: URL): boolean | null {
  const on = url.searchParams.get('on');
  if (on === '1' || on === 'true') return true;
  if (on === '0' || on === 'false') return false;
  return null;
}

async function runAction(action: string, url: URL, req: IncomingMessage, sim: Simulator, log: (line: string) => void): Promise<[number, unknown]> {
  const toggles: Record<string, (on: boolean) => void> = {
    silent: (on) => sim.setSilent(on),
    refuse: (on) => sim.setRefuse(on),
    stall: (on) => sim.setStall(on),
  };
  const toggle = toggles[action];
  if (toggle) {
    const on = flag(url);
    if (on === null) return [400, { error: 'expected ?on=1 or ?on=0' }];
    toggle(on);
    return [200, { ok: true, [action]: on }];
  }
  switch (action) {
    case 'drop':
      sim.drop();
      return [200, { ok: true }];
    case 'close':
      sim.close(Number(url.searchParams.get('code') ?? 1000), url.searchParams.get('reason') ?? '');
      return [200, { ok: true }];
    case 'send':
      sim.send(await readBody(req));
      return [200, { ok: true, clients: sim.clientCount() }];
    case 'play': {
      const lines = parseScenario(await readBody(req));
      const speed = Number(url.searchParams.get('speed') ?? 1);
      const rewriteTimes = url.searchParams.get('rewriteTimes') !== '0';
      sim.play(lines, { speed, rewriteTimes }).catch((error: unknown) => log(`play failed: ${String(error)}`));
      return [202, { ok: true, lines: lines.length }];
    }
    default:
      return [404, { error: `unknown control endpoint ${url.pathname}` }];
  }
}

/** Answers a /__sim/* request; errors become a 400 with their message. */
export async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL, sim: Simulator, log: (line: string) => void): Promise<void> {
  const action = url.pathname.slice(CONTROL_PREFIX.length);
  if (action === 'state') {
    answerJson(res, req.method === 'GET' ? 200 : 405, { ...sim.stats(), clientCount: sim.clientCount() });
    return;
  }
  if (req.method !== 'POST') {
    answerJson(res, 405, { error: 'use POST' });
    return;
  }
  try {
    const [status, body] = await runAction(action, url, req, sim, log);
    answerJson(res, status, body);
  } catch (error) {
    answerJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
