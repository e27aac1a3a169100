// The real socket behind ConnectionManager. A failed handshake is never probed for its cause: a
// browser cannot see the HTTP status of a refused upgrade, so every such failure is an outage.
import type { SocketLike } from './connection';

export function createSocket(url: string): SocketLike {
  // The DOM handler types carry `this: WebSocket`; the manager only uses what SocketLike names.
  return new WebSocket(url) as unknown as SocketLike;
}
