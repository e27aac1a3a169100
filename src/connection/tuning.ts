// The connection's timers (background/connection.ts runs them): pure values, so tests and the
// test tuning (storage/test-tuning.ts) can name them without the connection manager.
export interface ConnectionTuning {
  /** How often the worker is kept busy while connected (Chrome stops an idle worker after 30 s). */
  keepAliveMs: number;
  /**
   * A connection that heard nothing for this long is replaced (make-before-break): a browser has no
   * other way to see a half-open socket that no wake or network signal announced.
   */
  silenceLimitMs: number;
  /** How often the clock and the network are looked at, to notice a sleep or a network coming back. */
  wakeCheckMs: number;
}

export const DEFAULT_TUNING: ConnectionTuning = { keepAliveMs: 20_000, silenceLimitMs: 60_000, wakeCheckMs: 2_000 };
