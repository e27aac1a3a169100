// The simulator's public shape; e2e tests, the demo and benchmarks are written against it.
import type { PlayOptions } from './player';
import type { ScenarioLine } from './scenario';
import type { FragmentOptions } from './fragmented-send';
import type { RestControls } from './rest-routes';

export interface SimulatorOptions {
  /** 0 = any free port (default 0). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Must equal the ?domain= query parameter. Default 'demo.pbx.local'. */
  domain?: string;
  /** Default 'demo-key'. Never logged. */
  apiKey?: string;
  /** Accepted ?subscriber= values (extensions or e-mails). Default ['101', 'agent@example.com']. */
  subscribers?: string[];
  /** Close the socket (1008, 'client frames not allowed') on any client frame. */
  strict?: boolean;
  log?: (line: string) => void;
  /** Send WebSocket pings at this interval; off by default (the real PBX's pings are undocumented). */
  pingIntervalMs?: number;
  /** Serve the /__sim/* control endpoints. Default true. */
  control?: boolean;
}

/** One authorized connection, for playing a scenario to a single client. */
export interface SimulatorClient {
  readonly id: number;
  readonly isOpen: boolean;
  /** The subscriber the client asked for. */
  readonly subscriber: string;
}

export interface SimulatorStats {
  /** Every upgrade request, including refused and stalled ones. */
  connectionAttempts: number;
  refusedAttempts: number;
  acceptedConnections: number;
  clientFramesReceived: number;
  /** Frames delivered, counted once per receiving client. */
  framesSent: number;
  /** Frames passed to send/play while silent, counted once per frame. */
  framesDiscarded: number;
  /** Connections closed by the accept-then-close switch right after the handshake. */
  acceptedThenClosed: number;
}

/** Accept-then-close: every handshake succeeds, then the socket is closed at once (after `firstFrame`, if any). */
export interface AcceptThenClose {
  /** Close code; 1006 means cut without a close frame. Default 1000. */
  code?: number;
  reason?: string;
  /** A frame sent before closing, e.g. a PBX `error` frame for a wrong key. */
  firstFrame?: string;
}

/** What the simulator saw, in order, for tests that care about sequence (one socket closed before the next handshake). */
export interface SimulatorEvent {
  type: 'upgrade' | 'open' | 'close';
  at: number;
  clientId: number | null;
  /** For close: the code; for upgrade: null. */
  code: number | null;
}

export interface SimulatorPlayOptions extends PlayOptions {
  /** Play only to this client (stops when it disconnects); default every client. */
  client?: SimulatorClient;
}

/** RestControls (rest-routes.ts): setMissedCalls, makeCallRequests, setRestMode, … for the REST endpoints. */
export interface Simulator extends RestControls {
  readonly port: number;
  /** e.g. ws://127.0.0.1:PORT/live/connector/v3/easy */
  readonly wsBaseUrl: string;
  connectionUrl(overrides?: { domain?: string; apiKey?: string; subscriber?: string }): string;
  clientCount(): number;
  /** Resolves when ≥ count (default 1) authorized sockets are open; rejects after timeoutMs (default 5000). */
  waitForClients(count?: number, timeoutMs?: number): Promise<void>;
  /** Sends the exact text frame to every open authorized client. */
  send(frame: string): void;
  /** Sends the exact text frame to one client only (the bench alternates two extensions on one simulator). */
  sendTo(client: SimulatorClient, frame: string): void;
  /** Sends each frame after its delayMs / speed to the clients connected at that moment. */
  play(lines: ScenarioLine[] | string, options?: SimulatorPlayOptions): Promise<void>;
  /** Calls `listener` for each newly authorized client; returns an unsubscribe function. */
  onClient(listener: (client: SimulatorClient) => void): () => void;
  /** Terminates every socket without a close frame (a network cut: the client sees 1006). */
  drop(): void;
  /** Cleanly closes every socket (default 1000). */
  close(code?: number, reason?: string): void;
  setSilent(on: boolean): void;
  setRefuse(on: boolean): void;
  setStall(on: boolean): void;
  /** Accept each handshake, then close the socket at once; null switches it off. */
  setAcceptThenClose(mode: AcceptThenClose | null): void;
  /** Sends a binary frame to every open authorized client (the PBX never does). */
  sendBinary(data: Uint8Array): void;
  /** Sends one text frame to every open client cut into slow continuation fragments; resolves when sent. */
  sendFragmented(frame: string, options?: FragmentOptions): Promise<void>;
  /** Handshakes, opens and closes seen so far, oldest first. */
  events(): SimulatorEvent[];
  stats(): SimulatorStats;
  /** Closes everything and frees the port (the PBX dying). Aborts every running play. */
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  restart(): Promise<void>;
}
