// Issue 8, network and bad input: real Chromium with the built extension against the simulator's
// fault switches. Time limits are shortened through the test tuning hook where a case needs it
// (storage.local 'callpop.testTuning', read by src/background/start-background.ts).
import { describe, expect } from 'vitest';
import { waitFor } from './support/chromium';
import { extensionTest } from './support/extension-test';
import { configureExtension, settingsFor } from './support/extension-setup';
import { liveNotificationIds, readCallsState, readHealth } from './support/extension-state';
import { healthWhen, incomingFrame, processedFrames, setTestTuning } from './support/fault-frames';
import { RECONNECT } from '../../src/connection/reconnect-policy';

const test = extensionTest();

describe('faults in Chromium', () => {
  test('rejects non-JSON, binary, empty, null, array, unknown event, missing uuid, wrong types and a 5 MB frame, each counted with its reason, on the same open socket; a slow fragmented good frame then pops', async ({ sim, ext }) => {
    await configureExtension(ext, settingsFor(sim));
    await sim.waitForClients(1, 15_000);
    const five = `{"event":"call.dial","pad":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    const { uuid: _drop, ...noUuid } = JSON.parse(incomingFrame('call.dial', 'x')) as Record<string, unknown>;
    const bad: Array<[string, () => void, RegExp]> = [
      ['non-JSON', () => sim.send('{not json'), /^not JSON/],
      ['binary', () => sim.sendBinary(new Uint8Array([0x7b, 0x7d, 0xff])), /^binary frame/],
      ['empty', () => sim.send(''), /^not JSON/],
      ['null', () => sim.send('null'), /expected a JSON object, got null/],
      ['array', () => sim.send('[{"event":"call.dial"}]'), /expected a JSON object, got an array/],
      ['unknown event', () => sim.send(incomingFrame('call.dial', 'u1', { event: 'call.transfer' })), /unknown event "call\.transfer"/],
      ['missing uuid', () => sim.send(JSON.stringify(noUuid)), /^uuid/],
      ['wrong types', () => sim.send(incomingFrame('call.dial', 'u2', { lgDirection: 'sideways', leg: 7 })), /^(lgDirection|leg)/],
      ['5 MB', () => sim.send(five), /^frame too large: 5242\d{3} characters/],
    ];
    const reasons: string[] = [];
    for (const [index, [, send, expected]] of bad.entries()) {
      send();
      const health = await healthWhen(ext, (h) => h.framesRejected >= index + 1, `rejection ${index + 1}`);
      const reason = health.lastRejections.at(-1)?.reason ?? '';
      reasons.push(reason);
      expect(reason).toMatch(expected);
    }
    const before = await readHealth(ext);
    expect(before).toMatchObject({ state: 'connected', framesRejected: bad.length, framesAccepted: 0, reconnectCount: 0 });
    // The diagnostics keep the last five reasons, newest last.
    expect(before?.lastRejections.map((r) => r.reason)).toEqual(reasons.slice(-5));

    await sim.sendFragmented(incomingFrame('call.dial', 'good-after-bad', { otherLegs: [{ id: 1, name: 'Тарас Шевченко', num: '+380501234567', priority: 1 }] }), { pieces: 9, gapMs: 40 });
    await processedFrames(ext, bad.length + 1);
    expect(Object.keys((await readCallsState(ext)).active)).toEqual(['good-after-bad']);
    expect(await liveNotificationIds(ext)).toHaveLength(1);
    // One socket all along: nothing above made the extension reconnect.
    expect(sim.stats()).toMatchObject({ connectionAttempts: 1, acceptedConnections: 1 });
    expect(sim.clientCount()).toBe(1);
  });

  test('replaces a half-open connection make-before-break within the silence limit + one wake check (tuned to 3 s + 1 s here)', async ({ sim, ext }) => {
    const tuning = { keepAliveMs: 1_000, silenceLimitMs: 3_000, wakeCheckMs: 1_000 };
    await setTestTuning(ext, tuning);
    await configureExtension(ext, settingsFor(sim));
    await sim.waitForClients(1, 15_000);
    const connectedAt = Date.now();
    sim.setSilent(true); // the server neither sends nor answers; the socket stays open
    const replaced = await waitFor(() => (sim.stats().acceptedConnections >= 2 ? Date.now() : undefined), 'a fresh connection', 30_000);
    const bound = tuning.silenceLimitMs + tuning.wakeCheckMs;
    // Slack for a busy 2-core CI machine: timers and the handshake, not the detection itself.
    expect(replaced - connectedAt).toBeLessThanOrEqual(bound + 4_000);
    expect(replaced - connectedAt).toBeGreaterThanOrEqual(tuning.silenceLimitMs - 500);
    // The extension closed the silent socket itself, with its own code, after the new one opened.
    const closed = await waitFor(() => sim.events().find((e) => e.type === 'close'), 'the silent socket closed', 10_000);
    expect(closed.code).toBe(4000);
    const opens = sim.events().filter((e) => e.type === 'open');
    expect(opens[1]!.at).toBeLessThanOrEqual(closed.at);
    sim.setSilent(false);
    await waitFor(() => (sim.clientCount() === 1 ? true : undefined), 'one open socket');
    sim.send(incomingFrame('call.dial', 'after-half-open'));
    await processedFrames(ext, 1);
    expect(Object.keys((await readCallsState(ext)).active)).toEqual(['after-half-open']);
  });

  test(`abandons a handshake that never completes after the ${RECONNECT.connectTimeoutMs / 1000} s connect timeout, retries, and connects once the PBX answers`, async ({ sim, ext }) => {
    // The connect timeout is a constant (src/connection/reconnect-policy.ts), not in the test tuning: this test waits it out.
    sim.setStall(true);
    const startedAt = Date.now();
    await configureExtension(ext, settingsFor(sim));
    await healthWhen(ext, (h) => h.state === 'connecting', 'connecting');
    const retried = await waitFor(() => (sim.stats().connectionAttempts >= 2 ? Date.now() : undefined), 'a second handshake', 30_000);
    expect(retried - startedAt).toBeGreaterThanOrEqual(RECONNECT.connectTimeoutMs - 500);
    expect(retried - startedAt).toBeLessThanOrEqual(RECONNECT.connectTimeoutMs + RECONNECT.baseDelayMs * 2 + 5_000);
    const health = await readHealth(ext);
    expect(health?.failedAttempts).toBeGreaterThanOrEqual(1);
    expect(health?.reconnectCount).toBeGreaterThanOrEqual(1);

    sim.setStall(false);
    await sim.waitForClients(1, 30_000);
    await healthWhen(ext, (h) => h.state === 'connected', 'connected', 15_000);
  });

  test('keeps an accept-then-close loop bounded: backoff grows with no reset, and attempts per minute stay few', async ({ sim, ext }) => {
    sim.setAcceptThenClose({ code: 1011, reason: 'overloaded' });
    await configureExtension(ext, settingsFor(sim));
    const windowMs = 30_000;
    await new Promise((r) => setTimeout(r, windowMs));
    const attempts = sim.stats().acceptedThenClosed;
    const health = await readHealth(ext);
    // Ceilings 1, 2, 4, 8, 16, 30 s with full jitter: about 6 expected in 30 s; the worst case is bounded by the delay floor.
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThanOrEqual(15);
    // Never up for a minute: the failures keep adding up (that is what grows the backoff).
    expect(health?.failedAttempts).toBeGreaterThanOrEqual(attempts - 1);
    expect(health?.state).toMatch(/reconnecting|connecting/);
    expect(health?.lastCloseCode).toBe(1011);
    const opens = sim.events().filter((e) => e.type === 'open').map((e) => e.at);
    const gaps = opens.slice(1).map((at, i) => at - opens[i]!);
    expect(Math.max(...gaps)).toBeGreaterThan(2_000);
  }, 90_000);
});
