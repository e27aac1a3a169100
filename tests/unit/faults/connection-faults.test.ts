// Issue 8 cases 4, 5 and 6 and issue 14's outages at the level of the connection rules, with a fake
// clock and chosen dice: what the real-browser tests cannot force (worst-case jitter, an hour of refusals).
import { describe, expect, it } from 'vitest';
import { RECONNECT } from '../../../src/connection/reconnect-policy';
import { acceptThenClose, attemptsPerMinute, errorThenClose, harness, TARGET, type ServerBehaviour } from '../background/connection-harness';

describe('accept-then-close loop (case 4)', () => {
  it.each([
    ['worst-case dice (always 0)', () => 0],
    ['best-case dice (always ~1)', () => 0.999_999],
    ['ordinary dice', () => Math.random()],
  ])('keeps attempts per minute bounded with %s: at most 15 in the first minute, at most 8 in any later one', async (_name, random) => {
    const h = harness({ server: acceptThenClose, random });
    const start = h.now();
    h.manager.configure(TARGET);
    await h.run(10 * 60_000);
    const perMinute = attemptsPerMinute(h.sockets, start, 10);
    expect(perMinute[0]).toBeLessThanOrEqual(15);
    expect(Math.max(...perMinute.slice(1))).toBeLessThanOrEqual(8);
    // It never gives up either: a server that accepts is not refusing.
    expect(Math.min(...perMinute)).toBeGreaterThanOrEqual(2);
    expect(h.health().state).not.toBe('stopped');
  });

  it('grows the wait between attempts (with jitter) while the connection never stays up', async () => {
    const h = harness({ server: acceptThenClose, random: () => 0.9 });
    h.manager.configure(TARGET);
    await h.run(5 * 60_000);
    const gaps = h.sockets.slice(1).map((s, i) => s.createdAt - h.sockets[i]!.createdAt);
    expect(gaps.slice(0, 5)).toEqual([...gaps.slice(0, 5)].sort((a, b) => a - b));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RECONNECT.maxDelayMs);
    expect(gaps.at(-1)).toBeGreaterThan(RECONNECT.maxDelayMs / 2);
  });

  it('resets the backoff only after a connection stayed up for the stable period', async () => {
    let upFor = 0;
    const closeAfter: ServerBehaviour = (socket, h) => {
      socket.serverOpens();
      socket.serverSends('{}');
      h.later(() => socket.serverCloses(1001), upFor);
    };
    // A silence limit longer than the stable period, so the replacement does not end the connection first.
    const h = harness({ server: closeAfter, random: () => 0.999_999, tuning: { keepAliveMs: 20_000, silenceLimitMs: 120_000, wakeCheckMs: 2_000 } });
    h.manager.configure(TARGET);
    await h.run(3 * 60_000);
    const grown = h.health().failedAttempts;
    expect(grown).toBeGreaterThanOrEqual(5);
    upFor = RECONNECT.stableAfterMs - 1_000; // not stable yet: keeps counting
    await h.run(3 * 60_000);
    expect(h.health().failedAttempts).toBeGreaterThan(grown);
    upFor = RECONNECT.stableAfterMs + 1_000;
    await h.run(3 * 60_000);
    expect(h.health().failedAttempts).toBeLessThanOrEqual(2);
  });
});

describe('wrong API key (case 5)', () => {
  it('an `error` frame then a quick close, three times: slowed to one attempt per 5 minutes until the settings change', async () => {
    const h = harness({ server: errorThenClose });
    h.manager.configure(TARGET);
    await h.run(60_000);
    expect(h.health()).toMatchObject({ state: 'stopped', stopReason: 'refused' });
    expect(h.sockets).toHaveLength(RECONNECT.rejectionsBeforeSlow);
    const stoppedAt = h.sockets.length;
    await h.run(60 * 60_000);
    expect(h.sockets.length - stoppedAt).toBeLessThanOrEqual(60 / 5);
    h.manager.configure({ ...TARGET, url: `${TARGET.url}&fixed=1` });
    await h.run(0);
    expect(h.sockets.at(-1)?.url).toContain('fixed=1');
  });
});

describe('PBX down at browser start (case 6)', () => {
  it('never goes dormant: an unreachable PBX is retried at least every 30 s for an hour', async () => {
    const down: ServerBehaviour = (socket) => socket.serverCloses(1006);
    const h = harness({ server: down, random: () => 0.999_999 });
    const start = h.now();
    h.manager.configure(TARGET);
    await h.run(60 * 60_000);
    expect(h.health().state).toBe('reconnecting');
    const times = h.sockets.map((s) => s.createdAt);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(RECONNECT.maxDelayMs);
    expect(h.now() - times.at(-1)!).toBeLessThanOrEqual(RECONNECT.maxDelayMs);
    expect(times[0]).toBe(start);
  });
});

describe('PBX restart behind a front that answers HTTP while the upgrade fails (issue 14 §6)', () => {
  it.each([
    ['5 s', 5_000],
    ['60 s', 60_000],
    ['10 min', 10 * 60_000],
  ])('after a %s restart the agent is live again within the backoff ceiling plus one handshake, never stopped', async (_name, downForMs) => {
    let downUntil = 0;
    // The front refuses the upgrade (the browser sees 1006) until the PBX behind it is back.
    const restarting: ServerBehaviour = (socket, h) => (h.now() < downUntil ? socket.serverCloses(1006) : socket.serverOpens());
    const h = harness({ server: restarting, random: () => 0.999_999 });
    h.manager.configure(TARGET);
    await h.run(1_000);
    expect(h.health().state).toBe('connected');
    downUntil = h.now() + downForMs;
    h.sockets.at(-1)!.serverCloses(1006); // the restart cuts the live socket
    const states = new Set<string>();
    while (h.now() < downUntil) {
      await h.run(500);
      states.add(h.health().state);
    }
    const attemptsWhileDown = h.sockets.length;
    await h.run(RECONNECT.maxDelayMs + 1);
    expect(h.health().state).toBe('connected');
    expect(states.has('stopped')).toBe(false);
    // Bounded load on the PBX's front: never more than the floor allows.
    const minutes = Math.max(1, Math.ceil(downForMs / 60_000));
    expect(attemptsWhileDown).toBeLessThanOrEqual(2 + 15 + 8 * minutes);
  });
});
