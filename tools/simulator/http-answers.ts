// Plain HTTP answers: raw ones on a socket mid-upgrade, and CORS-open ones for fetch probes.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Refuses a WebSocket upgrade the way a real PBX does: a bare HTTP status, then the socket
 * is gone. A browser shows the page nothing but close code 1006.
 */
export function refuseUpgrade(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n',
  );
}

/** An options page tells "refused" from "not a WebSocket endpoint" with a CORS fetch. */
export function answerPlain(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Access-Control-Allow-Origin': '*',
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    ...(status === 426 ? { Upgrade: 'websocket' } : {}),
  });
  res.end(body);
}

export function answerJson(res: ServerResponse, status: number, value: unknown): void {
  answerPlain(res, status, `${JSON.stringify(value)}\n`, 'application/json; charset=utf-8');
}
