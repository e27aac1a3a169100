// The real socket and the reachability probe behind ConnectionManager.
import type { SocketLike } from './connection';

export function createSocket(url: string): SocketLike {
  // The DOM handler types carry `this: WebSocket`; the manager only uses what SocketLike names.
  return new WebSocket(url) as unknown as SocketLike;
}

/**
 * A browser reports a refused WebSocket handshake and an unreachable host the same way
 * (close code 1006). An opaque no-cors request to the same host tells them apart: it
 * resolves when anything answers HTTP there, and rejects on DNS, TLS or network failure.
 * No host permission is needed for an opaque request.
 */
export async function probeHost(socketUrl: string): Promise<'up' | 'down'> {
  const url = new URL(socketUrl);
  url.protocol = url.protocol === 'ws:' ? 'http:' : 'https:';
  url.pathname = '/';
  url.search = '';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5_000);
  try {
    await fetch(url.href, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: controller.signal });
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
