import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AFTER_FRAME_WINDOW_MS,
  STRICT_STREAK,
  VERDICT_TTL_MS,
  afterFrameSurvived,
  afterSocketEnd,
  currentRecord,
  freshRecord,
  targetFingerprint,
} from '../../../src/connection/keep-alive-verdict';
import { KEEP_ALIVE_FRAME } from '../../../src/background/connection';
import { harness, TARGET, TUNING, type ServerBehaviour } from '../background/connection-harness';

const T = 'target-1';
const firstFrameClose = (code: number) => ({ framesSent: 1, msAfterLastFrame: 50, code });

describe('keep-alive verdict (issue 21)', () => {
  it('a reset 1 s after a keep-alive on a PBX that accepts frames leaves the mode at frames', () => {
    let record = freshRecord(0, 'default', T);
    record = afterSocketEnd(record, { framesSent: 1, msAfterLastFrame: AFTER_FRAME_WINDOW_MS, code: 1006 }, 1);
    expect(record.mode).toBe('frames');
    // ...and so do two such coincidences, or three with different codes.
    record = afterSocketEnd(record, firstFrameClose(1006), 2);
    expect(record.mode).toBe('frames');
    record = afterSocketEnd(record, firstFrameClose(1001), 3);
    expect(record.mode).toBe('frames');
  });

  it('three connections in a row closed right after their first frame with the same code: api-calls', () => {
    let record = freshRecord(0, 'default', T);
    for (let i = 1; i <= STRICT_STREAK; i++) record = afterSocketEnd(record, firstFrameClose(1008), i);
    expect(record).toMatchObject({ mode: 'api-calls', reason: 'strict-pbx', since: STRICT_STREAK });
  });

  it('a close 5 s after the first frame is no evidence, however often it happens', () => {
    let record = freshRecord(0, 'default', T);
    for (let i = 1; i <= 5; i++) record = afterSocketEnd(record, { framesSent: 1, msAfterLastFrame: 5_000, code: 1008 }, i);
    expect(record).toMatchObject({ mode: 'frames', streak: 0 });
  });

  it('a connection that outlived a keep-alive frame breaks the streak', () => {
    let record = freshRecord(0, 'default', T);
    record = afterSocketEnd(record, firstFrameClose(1008), 1);
    record = afterSocketEnd(record, firstFrameClose(1008), 2);
    record = afterFrameSurvived(record);
    record = afterSocketEnd(record, firstFrameClose(1008), 3);
    expect(record.mode).toBe('frames');
    record = afterSocketEnd(record, { framesSent: 4, msAfterLastFrame: 10, code: 1008 }, 4); // after its 4th frame: not strict
    expect(record.streak).toBe(0);
  });

  it('no sequence of closes unrelated to frames (outside the window, or after a survived frame) ever picks api-calls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ framesSent: fc.nat(10), after: fc.integer({ min: AFTER_FRAME_WINDOW_MS + 1, max: 20_000 }), code: fc.constantFrom(1000, 1006, 1008, 1011) }), { maxLength: 50 }),
        (ends) => {
          let record = freshRecord(0, 'default', T);
          ends.forEach((e, i) => (record = afterSocketEnd(record, { framesSent: e.framesSent, msAfterLastFrame: e.after, code: e.code }, i)));
          return record.mode === 'frames';
        },
      ),
    );
  });

  it('the verdict expires after a day (fake clock), and new settings start from frames', () => {
    let record = freshRecord(0, 'default', T);
    for (let i = 1; i <= STRICT_STREAK; i++) record = afterSocketEnd(record, firstFrameClose(1008), 1_000);
    expect(currentRecord(record, T, 1_000 + VERDICT_TTL_MS - 1).mode).toBe('api-calls');
    expect(currentRecord(record, T, 1_000 + VERDICT_TTL_MS)).toMatchObject({ mode: 'frames', reason: 'expired' });
    expect(currentRecord(record, 'other', 2_000)).toMatchObject({ mode: 'frames', reason: 'settings-changed' });
  });

  it('the bare string an older version stored is read as no verdict at all', () => {
    expect(currentRecord('api-calls', T, 5)).toMatchObject({ mode: 'frames', reason: 'default' });
  });

  it('fingerprints tell settings apart without containing them', () => {
    const a = targetFingerprint(TARGET.url);
    expect(a).toBe(targetFingerprint(TARGET.url));
    expect(a).not.toBe(targetFingerprint(`${TARGET.url}x`));
    expect(a).not.toContain('apiKey');
    expect(a.length).toBeLessThan(13);
  });
});

describe('keep-alive verdict in the connection manager', () => {
  /** A strict PBX: closes (1008) on any client frame. */
  const strict: ServerBehaviour = (socket) => {
    socket.serverOpens();
    const send = socket.send.bind(socket);
    socket.send = (data: string) => {
      send(data);
      socket.serverCloses(1008);
    };
  };
  /** An accepting PBX whose network resets once, 1 s after a keep-alive frame. */
  const unlucky: ServerBehaviour = (socket, h) => {
    socket.serverOpens();
    const send = socket.send.bind(socket);
    let first = true;
    socket.send = (data: string) => {
      send(data);
      if (first && h.sockets.length === 1) h.later(() => socket.serverCloses(1006), 1_000);
      first = false;
    };
  };

  it('a strict PBX ends in api-calls after three connections, and no frame is sent after that', async () => {
    const h = harness({ server: strict });
    h.manager.configure(TARGET);
    await h.run(5 * 60_000);
    expect(h.health().keepAlive).toBe('api-calls');
    expect(h.keepAliveRecord()).toMatchObject({ mode: 'api-calls', reason: 'strict-pbx' });
    const last = h.sockets.at(-1)!;
    expect(last.isOpen).toBe(true);
    expect(last.sent).toEqual([]);
  });

  it('one unlucky reset on an accepting PBX keeps frames, on the next connection too', async () => {
    const h = harness({ server: unlucky });
    h.manager.configure(TARGET);
    await h.run(3 * 60_000);
    expect(h.sockets.length).toBeGreaterThanOrEqual(2);
    expect(h.health().keepAlive).toBe('frames');
    expect(h.sockets.at(-1)!.sent).toContain(KEEP_ALIVE_FRAME);
  });

  it('a stored verdict is honoured by a restarted worker, retried after a day, and reset by "Try frames again"', async () => {
    const h = harness({ server: strict, tuning: { ...TUNING, silenceLimitMs: 600_000 } });
    h.manager.configure(TARGET);
    await h.run(5 * 60_000);
    h.restartWorker();
    expect(h.health().keepAlive).toBe('api-calls');
    h.manager.resetKeepAlive();
    expect(h.keepAliveRecord()).toMatchObject({ mode: 'frames', reason: 'manual' });
  });
});
