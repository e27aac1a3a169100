// A tiny `ws` client for simulator tests: connect, collect frames, observe the close.
import { WebSocket } from 'ws';

export interface TestClient {
  ws: WebSocket;
  frames: string[];
  /** Resolves with the close code and reason (1006 for a cut without a close frame). */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once at least `count` frames have arrived. */
  waitForFrames(count: number, timeoutMs?: number): Promise<string[]>;
}

export function connectClient(url: string): Promise<TestClient> {
  const ws = new WebSocket(url);
  const frames: string[] = [];
  const watchers = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(String(data));
    watchers.forEach((watch) => watch());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const waitForFrames = (count: number, timeoutMs = 3_000) => new Promise<string[]>((resolve, reject) => {
    const check = () => {
      if (frames.length < count) return;
      clearTimeout(timer);
      watchers.delete(check);
      resolve(frames);
    };
    const timer = setTimeout(() => {
      watchers.delete(check);
      reject(new Error(`only ${frames.length} of ${count} frames arrived`));
    }, timeoutMs);
    watchers.add(check);
    check();
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed, waitForFrames }));
    ws.once('error', reject);
  });
}

/** Tries a handshake that should fail; resolves with the HTTP status the server answered. */
export function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('handshake unexpectedly succeeded'));
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', () => {});
  });
}

export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
