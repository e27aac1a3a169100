import { describe, expect, it } from 'vitest';
import { CLOSE_WAIT_MS, KEEP_ALIVE_FRAME, LATE_TIMER_MS, OVERLAP_GRACE_MS } from '../../../src/background/connection';
import { RECONNECT } from '../../../src/connection/reconnect-policy';
import { accept, errorThenClose, harness, TARGET, TUNING, unreachable } from './connection-harness';

describe('ConnectionManager', () => {
  it('opens exactly one socket however many wake-ups arrive at once', () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.manager.ensure();
    h.manager.ensure();
    h.manager.configure(TARGET);
    h.manager.suspect('online');
    expect(h.sockets).toHaveLength(1);
  });

  it('passes frames on and reports connected', () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    h.sockets[0]!.serverSends('{"event":"call.dial"}');
    expect(h.frames).toEqual(['{"event":"call.dial"}']);
    expect(h.health().state).toBe('connected');
  });

  it('a settings change closes the old socket and opens one to the new address only once the old one is closed', () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    h.manager.configure({ url: 'ws://127.0.0.1:2/x', displayUrl: 'x' });
    expect(h.sockets[0]!.closed).toBe(1000);
    h.manager.ensure(); // an alarm at that moment must not jump the queue
    h.manager.suspect('wake');
    expect(h.sockets).toHaveLength(1);
    h.sockets[0]!.serverCloses(1000);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1]!.url).toBe('ws://127.0.0.1:2/x');
  });

  it('a settings change does not wait for ever on a server that never completes the closing handshake', async () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    h.manager.configure({ url: 'ws://127.0.0.1:2/x', displayUrl: 'x' });
    await h.run(CLOSE_WAIT_MS);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1]!.url).toBe('ws://127.0.0.1:2/x');
  });

  it('reconnects by itself after the server drops the connection', async () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    h.sockets[0]!.serverCloses(1006);
    expect(h.health().state).toBe('reconnecting');
    await h.run(RECONNECT.baseDelayMs);
    expect(h.sockets).toHaveLength(2);
  });

  it('gives up a handshake that never completes after the connect timeout, then retries', async () => {
    const h = harness();
    h.manager.configure(TARGET);
    await h.run(RECONNECT.connectTimeoutMs);
    expect(h.sockets[0]!.closed).not.toBeNull();
    expect(h.health().state).toBe('reconnecting');
    await h.run(RECONNECT.maxDelayMs);
    expect(h.sockets.length).toBeGreaterThanOrEqual(2);
  });

  it('a handshake that fails again and again is an outage, never a stop: retries at the ceiling and says the PBX cannot be reached', async () => {
    const h = harness({ server: unreachable, random: () => 0.999_999 });
    h.manager.configure(TARGET);
    await h.run(30 * 60_000);
    const health = h.health();
    expect(health.state).toBe('reconnecting');
    expect(health.stopReason).toBeNull();
    expect(health.failedAttempts).toBeGreaterThanOrEqual(RECONNECT.unreachableAfter);
    const gaps = h.sockets.slice(1).map((s, i) => s.createdAt - h.sockets[i]!.createdAt);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RECONNECT.maxDelayMs);
  });

  it('slows down only on the PBX`s own word: an error frame and a quick close, three connections in a row', async () => {
    const h = harness({ server: errorThenClose });
    h.manager.configure(TARGET);
    await h.run(60_000);
    expect(h.health()).toMatchObject({ state: 'stopped', stopReason: 'refused' });
    expect(h.sockets).toHaveLength(RECONNECT.rejectionsBeforeSlow);
    await h.run(RECONNECT.rejectedRetryMs);
    expect(h.sockets).toHaveLength(RECONNECT.rejectionsBeforeSlow + 1); // every few minutes, never 20
  });

  it('"Retry now" forgets the failures and connects at once', async () => {
    const h = harness({ server: errorThenClose });
    h.manager.configure(TARGET);
    await h.run(60_000);
    const before = h.sockets.length;
    h.manager.retryNow();
    expect(h.sockets).toHaveLength(before + 1);
    expect(h.health()).toMatchObject({ failedAttempts: 0, refusals: 0, stopReason: null });
  });

  it('sends keep-alive frames while connected', async () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    h.sockets[0]!.serverSends('{}');
    await h.run(TUNING.keepAliveMs);
    expect(h.sockets[0]!.sent).toEqual([KEEP_ALIVE_FRAME]);
  });
});

describe('a restarted worker continues the backoff (issue 14 §2)', () => {
  it('keeps the attempt count and honours the stored retryAt instead of handshaking at once', async () => {
    const h = harness({ server: unreachable, random: () => 0.999_999 });
    h.manager.configure(TARGET);
    await h.run(3 * 60_000);
    const before = h.health();
    expect(before.failedAttempts).toBeGreaterThanOrEqual(5);
    const socketsBefore = h.sockets.length;
    h.restartWorker();
    expect(h.sockets).toHaveLength(socketsBefore); // no fresh handshake on wake
    expect(h.health()).toMatchObject({ failedAttempts: before.failedAttempts, retryAt: before.retryAt });
    await h.run(before.retryAt! - h.now());
    expect(h.sockets).toHaveLength(socketsBefore + 1);
    expect(h.health().failedAttempts).toBe(before.failedAttempts + 1); // and counts on from there
  });

  it('a revoked key stays slowed down across three worker restarts: bounded handshakes per hour', async () => {
    const h = harness({ server: errorThenClose });
    const start = h.now();
    h.manager.configure(TARGET);
    for (let restart = 0; restart < 3; restart++) {
      await h.run(20 * 60_000);
      h.restartWorker();
    }
    await h.run(60 * 60_000 - (h.now() - start));
    expect(h.health()).toMatchObject({ state: 'stopped', stopReason: 'refused' });
    // 3 to learn it, then one every 5 minutes: at most 3 + 12 in the hour, restarts included.
    expect(h.sockets.length).toBeLessThanOrEqual(RECONNECT.rejectionsBeforeSlow + 60 / (RECONNECT.rejectedRetryMs / 60_000));
  });

  it('new settings reset the stored backoff', async () => {
    const h = harness({ server: unreachable, random: () => 0.999_999 });
    h.manager.configure(TARGET);
    await h.run(3 * 60_000);
    h.manager.configure({ ...TARGET, url: `${TARGET.url}&x=1` });
    await h.run(0);
    expect(h.health().failedAttempts).toBeLessThanOrEqual(1);
  });
});

describe('make-before-break (issue 14 §4)', () => {
  it('a silent socket is replaced by a new one that opens before the old one closes; frames from both reach the reducer', async () => {
    const h = harness();
    h.manager.configure(TARGET);
    const old = h.sockets[0]!;
    old.serverOpens();
    await h.run(TUNING.silenceLimitMs + TUNING.wakeCheckMs);
    expect(h.sockets).toHaveLength(2);
    const fresh = h.sockets[1]!;
    expect(old.closed).toBeNull(); // still open while the new one handshakes
    old.serverSends('{"n":1}');
    fresh.serverOpens();
    expect(h.health().state).toBe('connected');
    old.serverSends('{"n":2}'); // in flight at the switch: still delivered during the grace
    fresh.serverSends('{"n":2}');
    await h.run(OVERLAP_GRACE_MS);
    expect(old.closed).toBe(4000);
    expect(h.frames).toEqual(['{"n":1}', '{"n":2}', '{"n":2}']);
    expect(h.health().replacements).toBe(1);
    expect(h.health().lastReplacement?.reason).toBe('silence');
  });

  it('never holds more than two sockets, whatever signals arrive during a replacement', async () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    let most = 0;
    for (let i = 0; i < 50; i++) {
      h.manager.suspect(i % 2 ? 'wake' : 'online');
      if (i % 7 === 3) h.sockets.at(-1)!.serverOpens();
      most = Math.max(most, h.openSockets().length);
      await h.run(300);
    }
    expect(most).toBeLessThanOrEqual(2);
  });

  it('two sockets only for at most one connect timeout: a replacement that never opens closes both and backs off', async () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    h.manager.suspect('wake');
    await h.run(RECONNECT.connectTimeoutMs);
    expect(h.openSockets()).toHaveLength(0);
    expect(h.health().state).toBe('reconnecting');
  });

  it('the old socket closing during the replacement waits for the replacement instead of backing off', () => {
    const h = harness();
    h.manager.configure(TARGET);
    h.sockets[0]!.serverOpens();
    h.manager.suspect('online');
    h.sockets[0]!.serverCloses(1006);
    expect(h.health().state).toBe('connecting');
    h.sockets[1]!.serverOpens();
    expect(h.health().state).toBe('connected');
    expect(h.sockets).toHaveLength(2);
  });

  it('a quiet PBX costs one handshake per silence limit and nothing else', async () => {
    const h = harness({ server: accept });
    h.manager.configure(TARGET);
    await h.run(10 * 60_000);
    const handshakes = h.sockets.length;
    expect(handshakes).toBeGreaterThanOrEqual(9);
    expect(handshakes).toBeLessThanOrEqual(11);
    // Every replaced socket was closed as replaced; at most the newest two are open (one in its grace).
    expect(h.sockets.slice(0, -2).every((s) => s.closed === 4000)).toBe(true);
    expect(h.openSockets().length).toBeLessThanOrEqual(2);
  });
});

describe('signals that the world changed (issue 14 §3)', () => {
  it('a wake check firing late (the machine slept) replaces the socket at once and reports since when', async () => {
    const h = harness({ server: accept });
    h.manager.configure(TARGET);
    await h.run(5_000);
    h.sockets[0]!.serverSends('{}');
    const before = h.now();
    h.sleep(60_000);
    await h.run(0); // timers due during the sleep fire at once on resume
    expect(h.sockets).toHaveLength(2);
    expect(h.replaced).toHaveLength(1);
    expect(h.replaced[0]!.reason).toBe('wake');
    expect(h.replaced[0]!.since).toBeLessThanOrEqual(before);
  });

  it('a sleep shorter than the late-timer threshold is not a wake', async () => {
    const h = harness({ server: accept });
    h.manager.configure(TARGET);
    await h.run(1_000);
    h.sockets[0]!.serverSends('{}');
    h.sleep(LATE_TIMER_MS - TUNING.wakeCheckMs - 1);
    await h.run(0);
    expect(h.sockets).toHaveLength(1);
  });

  it('the watchdog alarm firing late is a wake too', async () => {
    const h = harness({ server: accept });
    h.manager.configure(TARGET);
    await h.run(1_000);
    h.manager.noteAlarm(h.now() - LATE_TIMER_MS);
    expect(h.sockets).toHaveLength(2);
  });

  it('the network coming back (navigator.onLine) replaces the socket within one wake check', async () => {
    const h = harness({ server: accept });
    h.manager.configure(TARGET);
    await h.run(1_000);
    h.online = false;
    await h.run(TUNING.wakeCheckMs);
    h.online = true;
    await h.run(TUNING.wakeCheckMs);
    expect(h.replaced.map((r) => r.reason)).toEqual(['online']);
  });

  it('while waiting out a backoff, the network coming back tries at once (keeping the count)', async () => {
    const h = harness({ server: unreachable, random: () => 0.999_999 });
    h.manager.configure(TARGET);
    await h.run(2 * 60_000);
    const attempts = h.health().failedAttempts;
    const sockets = h.sockets.length;
    h.manager.suspect('online');
    expect(h.sockets).toHaveLength(sockets + 1);
    await h.run(0);
    expect(h.health().failedAttempts).toBe(attempts + 1);
  });

  it('signals do not override the slow lane the PBX asked for', async () => {
    const h = harness({ server: errorThenClose });
    h.manager.configure(TARGET);
    await h.run(60_000);
    const sockets = h.sockets.length;
    h.manager.suspect('online');
    h.manager.suspect('wake');
    expect(h.sockets).toHaveLength(sockets);
  });
});
