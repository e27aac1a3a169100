// The platform's REST API (docs/protocol.md, last section) on the simulator's port: log in with
// domain and API key for a JSESSIONID cookie, click-to-call, missed calls, users. Same key
// checks as the stream. No CORS headers, like a server that never expected a browser page:
// the extension reaches it only with host permission.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Credentials } from './credentials';
import { answerPlain } from './http-answers';

export const REST_PREFIX = '/rest/';
const MAX_BODY_BYTES = 64 * 1024;

/** How the REST endpoints behave: as documented, missing (404), or answering in an undocumented shape. */
export type RestMode = 'documented' | 'absent' | 'odd';

export interface MakeCallRequest {
  at: number;
  legExt: string;
  otherLegNum: string;
  uuid: string;
}

export interface RestControls {
  /** Calls missed.api serves (filtered by timeFrom/timeTo, paged by limit/offset); raw JSON objects. */
  setMissedCalls(list: unknown[]): void;
  /** Every accepted makeCall request, oldest first. */
  makeCallRequests(): MakeCallRequest[];
  setRestMode(mode: RestMode): void;
  /** After makeCall, send the agent's outgoing call.dial frame on the stream (default on). */
  setDialOnMakeCall(on: boolean): void;
  /** Forget every session: the next request gets 403 and the client must log in again. */
  expireRestSessions(): void;
  restStats(): { logins: number; refusedLogins: number; forbidden: number };
}

export interface RestRoutes extends RestControls {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}

function json(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify(value));
}

const field = (body: unknown, name: string): unknown => (body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined);
const toSeconds = (value: unknown): number | null => {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  return n >= 1e12 ? Math.floor(n / 1000) : n;
};

function dialFrame(legExt: string, number: string, uuid: string, now: number): string {
  return JSON.stringify({
    event: 'call.dial', uuid, parentUuid: null, lgDirection: 2,
    leg: { id: 1, type: 1, displayName: 'Agent', ext: legExt }, leg2: null,
    otherLegs: [{ id: null, name: null, num: number, companyName: null, url: null, priority: 1 }],
    dialAt: now, bridgeAt: null, serverTime: now, trunkNum: null, trunkName: null,
  });
}

export function createRestRoutes(credentials: Credentials, sendFrame: (frame: string) => void, log: (line: string) => void): RestRoutes {
  const sessions = new Set<string>();
  const requests: MakeCallRequest[] = [];
  const stats = { logins: 0, refusedLogins: 0, forbidden: 0 };
  let missed: unknown[] = [];
  let mode: RestMode = 'documented';
  let dialOnMakeCall = true;

  const sessionOf = (req: IncomingMessage): string | null => {
    const match = /(?:^|;\s*)JSESSIONID=([^;]+)/.exec(req.headers.cookie ?? '');
    return match?.[1] && sessions.has(match[1]) ? match[1] : null;
  };

  const users = () => {
    const email = credentials.subscribers.find((s) => s.includes('@')) ?? null;
    return credentials.subscribers.filter((s) => /^\d+$/.test(s)).map((ext, i) => ({ id: i + 1, ext, displayName: `Agent ${ext}`, email: i === 0 ? email : null }));
  };

  const routes: Record<string, (body: unknown, res: ServerResponse) => void> = {
    'POST /rest/user/makeCall': (body, res) => {
      const legExt = field(body, 'legExt');
      const otherLegNum = field(body, 'otherLegNum');
      if (typeof legExt !== 'string' || typeof otherLegNum !== 'string' || !/^\+?\d{3,15}$/.test(otherLegNum)) return json(res, 400, { error: 'legExt and otherLegNum required' });
      if (!users().some((u) => u.ext === legExt)) return json(res, 400, { error: 'unknown legExt' });
      const uuid = randomUUID().replace(/-/g, '');
      requests.push({ at: Date.now(), legExt, otherLegNum, uuid });
      log(`makeCall ${legExt} → ${otherLegNum}`);
      if (mode === 'odd') return json(res, 200, { result: 'queued' });
      json(res, 200, { uuid });
      if (dialOnMakeCall) setTimeout(() => sendFrame(dialFrame(legExt, otherLegNum, uuid, Date.now())), 50);
    },
    'POST /rest/calls/missed.api': (body, res) => {
      const from = toSeconds(field(body, 'timeFrom'));
      const to = toSeconds(field(body, 'timeTo'));
      const limit = field(body, 'limit');
      const offset = field(body, 'offset') ?? 0;
      if (from === null || to === null || typeof limit !== 'number' || limit < 1 || limit > 50 || typeof offset !== 'number' || offset < 0) {
        return json(res, 400, { error: 'timeFrom, timeTo (unix s), limit 1..50, offset ≥ 0' });
      }
      if (mode === 'odd') return json(res, 200, { calls: 'not a list' });
      const inRange = missed.filter((call) => {
        const at = toSeconds(field(call, 'dialAt'));
        return at !== null && at >= from && at <= to;
      });
      json(res, 200, inRange.slice(offset, offset + limit));
    },
    'GET /rest/users': (_body, res) => json(res, 200, mode === 'odd' ? { users: 'none' } : users()),
  };

  return {
    async handle(req, res, url) {
      const key = `${req.method ?? 'GET'} ${url.pathname}`;
      if (mode === 'absent') return answerPlain(res, 404, 'Not Found\n');
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      if (key === 'POST /rest/security/authorize') {
        if (field(body, 'domain') !== credentials.domain || field(body, 'apiKey') !== credentials.apiKey) {
          stats.refusedLogins += 1;
          return json(res, 403, { error: 'wrong domain or apiKey' });
        }
        stats.logins += 1;
        const id = randomUUID();
        sessions.add(id);
        return json(res, 200, { ok: true }, { 'Set-Cookie': `JSESSIONID=${id}; Path=/; HttpOnly` });
      }
      const route = routes[key];
      if (!route) return answerPlain(res, 404, 'Not Found\n');
      if (!sessionOf(req)) {
        stats.forbidden += 1;
        return json(res, 403, { error: 'not logged in' });
      }
      route(body, res);
    },
    setMissedCalls(list) { missed = [...list]; },
    makeCallRequests: () => requests.map((r) => ({ ...r })),
    setRestMode(next) { mode = next; log(`rest mode ${next}`); },
    setDialOnMakeCall(on) { dialOnMakeCall = on; },
    expireRestSessions() { sessions.clear(); },
    restStats: () => ({ ...stats }),
  };
}
