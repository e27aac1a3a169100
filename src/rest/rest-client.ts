// A client for the PBX's REST API (docs/protocol.md, last section): log in with domain and API key,
// keep the session cookie, log in again once on 403; click-to-call; missed calls; users.
// In an extension the browser keeps JSESSIONID (credentials: 'include' and host permission);
// in Node, where Set-Cookie is readable, the client carries the cookie itself.
import type * as z from 'zod/mini';
import { RestError } from './rest-errors';
import { makeCallAnswerSchema, missedAnswerSchema, missedCallSchema, restUsersAnswerSchema, type MissedCallItem, type RestUser } from './rest-schemas';

export const REST_PATHS = {
  login: '/rest/security/authorize',
  makeCall: '/rest/user/makeCall',
  missed: '/rest/calls/missed.api',
  users: '/rest/users',
} as const;

export const MISSED_PAGE_LIMIT = 50;

export interface RestClientOptions {
  /** https://<domain> (see rest-origin.ts). */
  baseUrl: string;
  domain: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface MissedQuery {
  /** Unix seconds. */
  timeFrom: number;
  timeTo: number;
  limit?: number;
  offset?: number;
}

export interface MissedPage {
  calls: MissedCallItem[];
  /** Items in the answer that did not look like calls (kept for diagnostics). */
  skipped: number;
  /** How many items the PBX returned (a full page means there may be more). */
  received: number;
}

export interface RestClient {
  login(): Promise<void>;
  makeCall(legExt: string, otherLegNum: string): Promise<{ uuid: string }>;
  missedCalls(query: MissedQuery): Promise<MissedPage>;
  users(): Promise<RestUser[]>;
}

export function createRestClient(options: RestClientOptions): RestClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  let cookie: string | null = null;

  const send = async (path: string, method: 'GET' | 'POST', body?: unknown): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // Browsers drop a Cookie header silently (forbidden header); Node sends it.
    if (cookie) headers.Cookie = cookie;
    try {
      const response = await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'include',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      rememberCookie(response);
      return response;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') throw new RestError('timeout', `${method} ${path} took longer than ${timeoutMs} ms`);
      // No detail from the error: some engines echo the URL, and it must stay out of logs anyway.
      throw new RestError('network', `${method} ${path} failed before an answer (no host access, or the PBX is unreachable)`);
    }
  };

  const rememberCookie = (response: Response) => {
    const headers = response.headers as Headers & { getSetCookie?: () => string[] };
    const lines = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
    const session = lines.map((line) => line.split(';')[0]?.trim() ?? '').find((pair) => /^JSESSIONID=/i.test(pair));
    if (session) cookie = session;
  };

  const login = async (): Promise<void> => {
    const response = await send(REST_PATHS.login, 'POST', { domain: options.domain, apiKey: options.apiKey });
    if (response.status === 401 || response.status === 403) throw new RestError('refused', `log-in answered ${response.status}`);
    checkStatus(response, REST_PATHS.login);
  };

  /** One request; on 401/403 log in and try exactly once more. */
  const authorized = async (path: string, method: 'GET' | 'POST', body?: unknown): Promise<Response> => {
    let response = await send(path, method, body);
    if (response.status === 401 || response.status === 403) {
      await login();
      response = await send(path, method, body);
      if (response.status === 401 || response.status === 403) throw new RestError('refused', `${path} answered ${response.status} after a fresh log-in`);
    }
    checkStatus(response, path);
    return response;
  };

  return {
    login,
    async makeCall(legExt, otherLegNum) {
      const response = await authorized(REST_PATHS.makeCall, 'POST', { legExt, otherLegNum });
      return parseJson(response, makeCallAnswerSchema, REST_PATHS.makeCall);
    },
    async missedCalls({ timeFrom, timeTo, limit = MISSED_PAGE_LIMIT, offset = 0 }) {
      const body = { timeFrom: Math.floor(timeFrom), timeTo: Math.ceil(timeTo), limit: Math.min(MISSED_PAGE_LIMIT, Math.max(1, Math.floor(limit))), offset: Math.max(0, Math.floor(offset)) };
      const response = await authorized(REST_PATHS.missed, 'POST', body);
      const items = await parseJson(response, missedAnswerSchema, REST_PATHS.missed);
      const calls: MissedCallItem[] = [];
      for (const item of items) {
        const parsed = missedCallSchema.safeParse(item);
        if (parsed.success) calls.push({ ...(item as Record<string, unknown>), ...parsed.data });
      }
      return { calls, skipped: items.length - calls.length, received: items.length };
    },
    async users() {
      const response = await authorized(REST_PATHS.users, 'GET');
      return parseJson(response, restUsersAnswerSchema, REST_PATHS.users);
    },
  };
}

function checkStatus(response: Response, path: string): void {
  if (response.ok) return;
  const status = response.status;
  if (status === 404 || status === 405) throw new RestError('not-found', `${path} answered ${status}`);
  if (status >= 500) throw new RestError('server', `${path} answered ${status}`);
  throw new RestError('unexpected-status', `${path} answered ${status}`);
}

async function parseJson<S extends z.ZodMiniType>(response: Response, schema: S, path: string): Promise<z.output<S>> {
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new RestError('bad-answer', `${path} did not answer JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RestError('bad-answer', `${path}: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'unexpected shape'}`);
  }
  return parsed.data;
}
