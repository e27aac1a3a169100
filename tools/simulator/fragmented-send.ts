// Slow and partial frames: one text message cut into WebSocket continuation fragments at
// arbitrary byte offsets (even inside a multi-byte character), sent with pauses in between.
// A client must only ever see the reassembled message.
import { WebSocket } from 'ws';

export interface FragmentOptions {
  /** How many fragments (at least 1, at most the frame's byte length). Default 3. */
  pieces?: number;
  /** Pause between fragments. Default 50 ms. */
  gapMs?: number;
}

/** Byte offsets that cut `length` bytes into `pieces` nearly equal parts. */
export function fragmentBounds(length: number, pieces: number): number[] {
  const count = Math.max(1, Math.min(Math.floor(pieces), Math.max(1, length)));
  return Array.from({ length: count + 1 }, (_, i) => Math.round((i * length) / count));
}

export async function sendFragmented(socket: WebSocket, frame: string, options: FragmentOptions = {}): Promise<boolean> {
  const bytes = Buffer.from(frame, 'utf8');
  const bounds = fragmentBounds(bytes.length, options.pieces ?? 3);
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (socket.readyState !== WebSocket.OPEN) return false;
    const last = i + 2 === bounds.length;
    // binary: false makes the first fragment a text frame; ws sends the rest as continuations.
    socket.send(bytes.subarray(bounds[i], bounds[i + 1]), { binary: false, fin: last });
    if (!last) await new Promise((r) => setTimeout(r, options.gapMs ?? 50));
  }
  return true;
}
