// "Test connection" with the values on the options page, run by the background (a failed
// WebSocket is logged with its URL by the browser, in the console of the page that opened it; the
// options page must not hold that line, issue 16 finding 2).
// First a GET on the endpoint's address WITHOUT its query (no key in a request that can fail in
// plain sight) says whether the host answers; only then does the socket, the one request that
// carries the key, open. A browser hides the reason of a failed handshake (close code 1006 for
// everything, https://websockets.spec.whatwg.org/#feedback-from-the-protocol), so the status of
// that GET is the only clue. We hold no host permissions, so this relies on the server sending
// CORS headers; without them we can only tell "answers" from "silent".
import type { ConnectionTestReport, TestResult } from './connection-test-report';

export { connectionTestReportSchema, type ConnectionTestReport, type TestResult } from './connection-test-report';

/** The subset of WebSocket the test uses, so tests can pass a fake. */
export interface TestSocket {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  close(code?: number): void;
}
export type TestSocketCtor = new (url: string) => TestSocket;
export type FetchLike = (url: string, init?: RequestInit) => Promise<{ status: number }>;

export interface ConnectionTestDeps {
  WebSocketImpl?: TestSocketCtor;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  firstFrameWaitMs?: number;
}

export const TEST_TIMEOUT_MS = 10_000;
export const FIRST_FRAME_WAIT_MS = 2_000;

const report = (result: TestResult, detail: string, httpStatus: number | null = null, firstFrame: string | null = null): ConnectionTestReport => ({
  result,
  firstFrame,
  detail,
  httpStatus,
});

export async function testConnection(url: string, deps: ConnectionTestDeps = {}): Promise<ConnectionTestReport> {
  const WebSocketImpl = deps.WebSocketImpl ?? (globalThis.WebSocket as unknown as TestSocketCtor);
  const fetchImpl = deps.fetchImpl ?? ((u: string, init?: RequestInit) => globalThis.fetch(u, init));
  const timeoutMs = deps.timeoutMs ?? TEST_TIMEOUT_MS;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ConnectionTestReport>((resolve) => {
    timer = setTimeout(() => resolve(report('timeout', 'optionsTestDetailTimeout')), timeoutMs);
  });
  const abort = new AbortController();
  try {
    let probeUrl: URL;
    try {
      probeUrl = httpUrlOf(url);
    } catch {
      return report('unreachable', 'optionsTestDetailBadUrl');
    }
    const probe = await Promise.race([probeHost(probeUrl, fetchImpl, abort.signal), timeout]);
    if ('result' in probe) return probe;
    const outcome = await Promise.race([openSocket(url, WebSocketImpl, deps.firstFrameWaitMs ?? FIRST_FRAME_WAIT_MS, abort.signal), timeout]);
    if (outcome !== FAILED_BEFORE_OPEN) return outcome;
    return classifyByStatus(probe.status);
  } finally {
    clearTimeout(timer);
    abort.abort(); // closes a socket still waiting and cancels a fetch still running
  }
}

const FAILED_BEFORE_OPEN = 'failed-before-open';

/** Resolves `connected` (with the first frame, if one came quickly), or says the handshake failed. */
function openSocket(
  url: string,
  WebSocketImpl: TestSocketCtor,
  firstFrameWaitMs: number,
  signal: AbortSignal,
): Promise<ConnectionTestReport | typeof FAILED_BEFORE_OPEN> {
  return new Promise((resolve) => {
    let socket: TestSocket;
    try {
      socket = new WebSocketImpl(url);
    } catch {
      resolve(report('unreachable', 'optionsTestDetailBadUrl'));
      return;
    }
    let opened = false;
    let frameTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: ConnectionTestReport | typeof FAILED_BEFORE_OPEN) => {
      clearTimeout(frameTimer);
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      try {
        socket.close(1000);
      } catch {
        // already closed
      }
      resolve(value);
    };
    signal.addEventListener('abort', () => finish(report('timeout', 'optionsTestDetailTimeout')));
    socket.onopen = () => {
      opened = true;
      frameTimer = setTimeout(() => finish(report('connected', 'optionsTestDetailOpened')), firstFrameWaitMs);
    };
    socket.onmessage = (ev) => {
      const text = typeof ev.data === 'string' ? ev.data : String(ev.data);
      finish(report('connected', 'optionsTestDetailOpened', null, text));
    };
    const failed = () => (opened ? finish(report('connected', 'optionsTestDetailClosedAfterOpen')) : finish(FAILED_BEFORE_OPEN));
    socket.onerror = failed;
    socket.onclose = failed;
  });
}

/** The endpoint over http(s), without query or fragment: the key never rides on the probe. */
function httpUrlOf(wsUrl: string): URL {
  const url = new URL(wsUrl);
  url.protocol = url.protocol === 'ws:' ? 'http:' : 'https:';
  url.search = '';
  url.hash = '';
  return url;
}

/** The HTTP status of the bare endpoint (null: the host answers but hides it from us), or the report that ends the test. */
async function probeHost(httpUrl: URL, fetchImpl: FetchLike, signal: AbortSignal): Promise<{ status: number | null } | ConnectionTestReport> {
  try {
    const response = await fetchImpl(httpUrl.href, { method: 'GET', mode: 'cors', credentials: 'omit', cache: 'no-store', signal });
    return { status: response.status };
  } catch {
    if (signal.aborted) return report('timeout', 'optionsTestDetailTimeout');
  }
  try {
    // An opaque answer only proves the host is up; it cannot say whether this is the PBX's socket.
    await fetchImpl(httpUrl.origin + '/', { method: 'GET', mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
    return { status: null };
  } catch {
    if (signal.aborted) return report('timeout', 'optionsTestDetailTimeout');
    return report('unreachable', 'optionsTestDetailUnreachable');
  }
}

/** Why the handshake failed, as far as the bare endpoint's status tells. */
function classifyByStatus(status: number | null): ConnectionTestReport {
  if (status === null) return report('refused', 'optionsTestDetailOpaque');
  if (status === 401 || status === 403) return report('refused', 'optionsTestDetailAuth', status);
  // 426 Upgrade Required / 400: it is the WebSocket endpoint, so the handshake itself was refused.
  if (status === 426 || status === 400) return report('refused', 'optionsTestDetailHandshake', status);
  return report('not-websocket', 'optionsTestDetailNotWs', status);
}
