// A PBX stand-in speaking docs/protocol.md over a real WebSocket, with fault switches for tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { CONTROL_PREFIX, handleControl } from './control-routes';
import { checkRequest, redactUrl, WS_PATH } from './credentials';
import { answerPlain, refuseUpgrade } from './http-answers';
import { playLines } from './player';
import { sendFragmented } from './fragmented-send';
import { readScenarioFile } from './scenario';
import { createRestRoutes, REST_PREFIX, type RestControls, type RestRoutes } from './rest-routes';
import type { AcceptThenClose, Simulator, SimulatorClient, SimulatorEvent, SimulatorOptions, SimulatorStats } from './simulator-types';

export { parseScenario, readScenarioFile, formatScenario, type ScenarioLine } from './scenario';
export type { AcceptThenClose, Simulator, SimulatorClient, SimulatorEvent, SimulatorOptions, SimulatorPlayOptions, SimulatorStats } from './simulator-types';
export { WS_PATH } from './credentials';

interface Client extends SimulatorClient { socket: WebSocket }

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  const credentials = {
    domain: options.domain ?? 'demo.pbx.local',
    apiKey: options.apiKey ?? 'demo-key',
    subscribers: options.subscribers ?? ['101', 'agent@example.com'],
  };
  const log = options.log ?? (() => {});
  const counters: SimulatorStats = {
    connectionAttempts: 0, refusedAttempts: 0, acceptedConnections: 0,
    clientFramesReceived: 0, framesSent: 0, framesDiscarded: 0, acceptedThenClosed: 0,
  };
  const seen: SimulatorEvent[] = [];
  const note = (type: SimulatorEvent['type'], clientId: number | null, code: number | null) =>
    void seen.push({ type, at: Date.now(), clientId, code });
  let acceptThenClose: AcceptThenClose | null = null;
  const clients = new Set<Client>();
  const rawSockets = new Set<Socket>();
  const clientListeners = new Set<(client: SimulatorClient) => void>();
  const countWatchers = new Set<() => void>();
  let silent = false;
  let refuse = false;
  let stall = false;
  let nextClientId = 1;
  let port = options.port ?? 0;
  let stopController = new AbortController();
  let server: Server | null = null;
  let wss: WebSocketServer | null = null;
  let pingTimer: NodeJS.Timeout | null = null;

  const notifyCount = () => countWatchers.forEach((watch) => watch());

  const deliver = (client: Client, frame: string) => {
    if (client.socket.readyState !== WebSocket.OPEN) return;
    client.socket.send(frame);
    counters.framesSent += 1;
  };

  /** Accept-then-close: the socket never becomes a client that send/play/waitForClients see. */
  const acceptAndClose = (socket: WebSocket, quit: AcceptThenClose) => {
    const id = nextClientId++;
    counters.acceptedConnections += 1;
    counters.acceptedThenClosed += 1;
    note('open', id, null);
    socket.on('error', () => {});
    socket.on('close', (code) => note('close', id, code));
    if (quit.firstFrame !== undefined) {
      socket.send(quit.firstFrame);
      counters.framesSent += 1;
    }
    if (quit.code === 1006) socket.terminate();
    else socket.close(quit.code ?? 1000, quit.reason ?? '');
    log(`client ${id} accepted then closed (${quit.code ?? 1000})`);
  };

  const adopt = (socket: WebSocket, subscriber: string) => {
    if (acceptThenClose) return acceptAndClose(socket, acceptThenClose);
    const client: Client = {
      id: nextClientId++,
      subscriber,
      socket,
      get isOpen() { return socket.readyState === WebSocket.OPEN; },
    };
    clients.add(client);
    counters.acceptedConnections += 1;
    socket.on('message', () => {
      counters.clientFramesReceived += 1;
      // Non-strict: keep-alives like {"event":"ping"} are counted and ignored.
      if (options.strict) socket.close(1008, 'client frames not allowed');
    });
    socket.on('error', (error) => log(`client ${client.id} error: ${error.message}`));
    socket.on('close', (code) => {
      note('close', client.id, code);
      clients.delete(client);
      log(`client ${client.id} closed (${code}); ${clients.size} open`);
      notifyCount();
    });
    note('open', client.id, null);
    log(`client ${client.id} connected as ${subscriber}; ${clients.size} open`);
    notifyCount();
    clientListeners.forEach((listener) => listener(client));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    counters.connectionAttempts += 1;
    note('upgrade', null, null);
    const target = redactUrl(req.url ?? '/', credentials.apiKey);
    socket.on('error', () => {}); // a client vanishing mid-handshake is not our failure
    if (stall) {
      log(`stalling upgrade ${target}`);
      return; // the socket stays in rawSockets until the client gives up or stop()
    }
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const check = checkRequest(url, credentials);
    if (!check.ok || refuse) {
      const status = check.ok ? 403 : check.status;
      if (status === 403) counters.refusedAttempts += 1;
      log(`refused upgrade ${target}: ${check.ok ? 'refuse mode' : check.reason} (${status})`);
      refuseUpgrade(socket, status);
      return;
    }
    const live = wss;
    if (!live) return refuseUpgrade(socket, 503);
    live.handleUpgrade(req, socket, head, (ws) => adopt(ws, url.searchParams.get('subscriber') ?? ''));
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname.startsWith(REST_PREFIX)) return void restApi.handle(req, res, url);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': 'Content-Type' });
      res.end();
      return;
    }
    if (options.control !== false && url.pathname.startsWith(CONTROL_PREFIX)) {
      void handleControl(req, res, url, simulator, log);
      return;
    }
    const check = checkRequest(url, credentials);
    if (!check.ok) return answerPlain(res, check.status, `${check.status === 404 ? 'Not Found' : 'Forbidden'}\n`);
    if (refuse) return answerPlain(res, 403, 'Forbidden\n');
    answerPlain(res, 426, 'Upgrade Required\n');
  };

  const listen = () => new Promise<void>((resolve, reject) => {
    const next = createServer(onRequest);
    next.on('upgrade', onUpgrade);
    next.on('connection', (socket) => {
      rawSockets.add(socket);
      socket.on('close', () => rawSockets.delete(socket));
    });
    next.once('error', reject);
    next.listen(port, host, () => {
      next.off('error', reject);
      next.on('error', (error) => log(`server error: ${error.message}`));
      const address = next.address();
      if (address && typeof address === 'object') port = address.port;
      server = next;
      wss = new WebSocketServer({ noServer: true, clientTracking: false });
      stopController = new AbortController();
      if (options.pingIntervalMs) {
        pingTimer = setInterval(() => clients.forEach((c) => c.isOpen && c.socket.ping()), options.pingIntervalMs);
      }
      log(`listening on ${simulator.wsBaseUrl}`);
      resolve();
    });
  });

  // Declared before use: the REST routes send the agent's call.dial through simulator.send.
  const restApi = createRestRoutes(credentials, (frame) => simulator.send(frame), log);

  const simulator: Simulator = {
    ...restControls(restApi),
    get port() { return port; },
    get wsBaseUrl() { return `ws://${urlHost(host)}:${port}${WS_PATH}`; },
    connectionUrl(overrides = {}) {
      const query = new URLSearchParams({
        domain: overrides.domain ?? credentials.domain,
        apiKey: overrides.apiKey ?? credentials.apiKey,
        subscriber: overrides.subscriber ?? credentials.subscribers[0] ?? '',
      });
      return `${simulator.wsBaseUrl}?${query}`;
    },
    clientCount: () => clients.size,
    waitForClients(count = 1, timeoutMs = 5_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (clients.size < count) return;
          done();
          resolve();
        };
        const done = () => {
          clearTimeout(timer);
          countWatchers.delete(check);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`waitForClients: ${clients.size} of ${count} client(s) after ${timeoutMs} ms`));
        }, timeoutMs);
        countWatchers.add(check);
        check();
      });
    },
    send(frame) {
      if (silent) {
        counters.framesDiscarded += 1;
        return;
      }
      clients.forEach((client) => deliver(client, frame));
    },
    sendTo(target, frame) {
      const client = [...clients].find((c) => c.id === target.id);
      if (silent) counters.framesDiscarded += 1;
      else if (client) deliver(client, frame);
    },
    async play(source, playOptions = {}) {
      const lines = typeof source === 'string' ? readScenarioFile(source) : source;
      const { client, ...rest } = playOptions;
      if (client) {
        const target = [...clients].find((c) => c.id === client.id);
        if (!target) return;
        const gone = new AbortController();
        target.socket.once('close', () => gone.abort());
        const signals = [gone.signal, ...(rest.signal ? [rest.signal] : [])];
        rest.signal = AbortSignal.any(signals);
        return playLines(lines, (frame) => {
          if (silent) counters.framesDiscarded += 1;
          else deliver(target, frame);
        }, rest, stopController.signal);
      }
      return playLines(lines, (frame) => simulator.send(frame), rest, stopController.signal);
    },
    onClient(listener) {
      clientListeners.add(listener);
      return () => clientListeners.delete(listener);
    },
    drop() {
      log(`dropping ${clients.size} client(s)`);
      clients.forEach((client) => client.socket.terminate());
    },
    close(code = 1000, reason = '') {
      log(`closing ${clients.size} client(s) with ${code}`);
      clients.forEach((client) => client.socket.close(code, reason));
    },
    setSilent(on) { silent = on; log(`silent ${on ? 'on' : 'off'}`); },
    setRefuse(on) { refuse = on; log(`refuse ${on ? 'on' : 'off'}`); },
    setStall(on) { stall = on; log(`stall ${on ? 'on' : 'off'}`); },
    setAcceptThenClose(mode) { acceptThenClose = mode; log(`accept-then-close ${mode ? `on (${mode.code ?? 1000})` : 'off'}`); },
    sendBinary(data) {
      clients.forEach((client) => {
        if (client.socket.readyState !== WebSocket.OPEN) return;
        client.socket.send(data, { binary: true });
        counters.framesSent += 1;
      });
    },
    async sendFragmented(frame, fragmentOptions) {
      const sent = await Promise.all([...clients].map((client) => sendFragmented(client.socket, frame, fragmentOptions)));
      counters.framesSent += sent.filter(Boolean).length;
    },
    events: () => seen.map((event) => ({ ...event })),
    stats: () => ({ ...counters }),
    async stop() {
      stopController.abort();
      if (pingTimer) clearInterval(pingTimer);
      pingTimer = null;
      clients.forEach((client) => client.socket.terminate());
      clients.clear();
      notifyCount();
      rawSockets.forEach((socket) => socket.destroy());
      wss?.close();
      wss = null;
      const closing = server;
      server = null;
      if (!closing) return;
      await new Promise<void>((resolve) => closing.close(() => resolve()));
      log('stopped');
    },
    async restart() {
      if (server) throw new Error('restart() needs stop() first');
      await listen();
    },
  };

  await listen();
  return simulator;
}

/** The REST switches, without the request handler the server keeps for itself. */
function restControls({ handle: _handle, ...controls }: RestRoutes): RestControls {
  return controls;
}
