// Issue 7: the Firefox build works in a real Firefox ESR against the simulator, including after
// Firefox unloads the idle background (its idle timeout is shortened in the test profile).
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './support/chromium';
import { launchFirefox, type FirefoxExtension } from './support/firefox';
import { configureExtension, setLocal, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import { allCalls, framesHandled, framesProcessed, liveNotificationIds, readCallsState, readHealth, readNotificationLog } from './support/extension-state';
import { notificationsLeftShown, replayScenario } from './support/replay';
import { readScenarioFile, type Simulator } from '../../tools/simulator/simulator';
import { summaryCall } from '../../tools/replay/summary';
import { axeViolations, describeViolations } from './support/axe';

const SCENARIOS = 'tests/fixtures/scenarios';

describe('the Firefox build in Firefox ESR', () => {
  let sim: Simulator | undefined;
  let ff: FirefoxExtension | undefined;
  afterEach(async () => {
    await ff?.close();
    await sim?.stop();
  });

  it('connects, and each scenario ends in the call state and notifications the replay tool predicts', async () => {
    sim = await startLoopbackSimulator();
    ff = await launchFirefox();
    await configureExtension(ff, settingsFor(sim));
    await sim.waitForClients(1, 20_000);
    let processed = 0;
    for (const name of ['incoming-answered', 'group-call', 'incoming-missed']) {
      const file = `${SCENARIOS}/${name}.jsonl`;
      await sim.play(file, { speed: 8 });
      processed += readScenarioFile(file).length;
      await framesProcessed(ff, processed, waitFor);
    }
    const predicted = ['incoming-answered', 'group-call', 'incoming-missed'].map((n) => replayScenario(`${SCENARIOS}/${n}.jsonl`));
    expect(allCalls(await readCallsState(ff)).map(summaryCall)).toEqual(predicted.flatMap((p) => p.summary.calls));
    expect(await liveNotificationIds(ff)).toEqual(predicted.flatMap(notificationsLeftShown).sort());
  });

  it('renders the popup with a live call and the options page, with no axe-core violations', async () => {
    sim = await startLoopbackSimulator();
    ff = await launchFirefox();
    await configureExtension(ff, settingsFor(sim));
    await sim.waitForClients(1, 20_000);
    const lines = readScenarioFile(`${SCENARIOS}/incoming-answered.jsonl`);
    await sim.play(lines.slice(0, 2), { speed: 8 });
    await framesProcessed(ff, 2, waitFor);
    const popup = await ff.openExtensionPage('src/popup/popup.html');
    await popup.waitForSelector('[data-testid="popup-root"]', { timeout: 15_000 });
    const caller = replayScenario(`${SCENARIOS}/incoming-answered.jsonl`).summary.calls[0]!.caller.name!;
    await waitFor(async () => ((await popup.evaluate(() => document.body.innerText)).includes(caller) ? true : undefined), 'the caller in the popup');
    const popupViolations = await axeViolations(popup);
    expect(popupViolations, describeViolations(popupViolations)).toEqual([]);
    const options = await ff.extensionPage('options.html');
    await options.waitForSelector('[data-testid="options-root"] input', { timeout: 15_000 });
    const optionsViolations = await axeViolations(options);
    expect(optionsViolations, describeViolations(optionsViolations)).toEqual([]);
  });

  it('pops a notification for a ringing call', async () => {
    sim = await startLoopbackSimulator();
    ff = await launchFirefox();
    await configureExtension(ff, settingsFor(sim));
    await sim.waitForClients(1, 20_000);
    sim.send(readScenarioFile(`${SCENARIOS}/incoming-missed.jsonl`)[0]!.frame);
    const ids = await waitFor(async () => {
      const live = await liveNotificationIds(ff!);
      return live.length > 0 ? live : undefined;
    }, 'a notification');
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^call:/);
  });

  it('comes back after Firefox unloads the idle background, with the ringing call and no second notification', async () => {
    sim = await startLoopbackSimulator();
    // A 3 s idle timeout and keep-alive slower than it: the background is unloaded for sure.
    ff = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 3_000 } });
    await setLocal(ff, 'callpop.testTuning', { keepAliveMs: 600_000 });
    await configureExtension(ff, settingsFor(sim));
    await sim.waitForClients(1, 20_000);
    const dial = readScenarioFile(`${SCENARIOS}/incoming-missed.jsonl`)[0]!.frame;
    sim.send(dial);
    await framesProcessed(ff, 1, waitFor);
    const ringing = await liveNotificationIds(ff);
    expect(ringing).toHaveLength(1);

    await waitFor(() => (sim!.clientCount() === 0 ? true : undefined), 'the background to be unloaded (socket closed)', 30_000);
    const before = sim.stats().acceptedConnections;
    // Any message wakes an event page, as the popup's opening does.
    await ff.evalInWorker(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      await api.runtime.sendMessage({ type: 'reconnect' });
    }, null);
    await waitFor(() => (sim!.stats().acceptedConnections > before && sim!.clientCount() === 1 ? true : undefined), 'a new connection', 30_000);
    // The PBX repeats the ring after a reconnect: checked once that replay was handled (the frame
    // counter survives the unloaded background), not after a guessed pause.
    const handledBefore = await framesHandled(ff);
    sim.send(dial);
    await framesProcessed(ff, handledBefore + 1, waitFor);

    const state = await readCallsState(ff);
    expect(Object.values(state.active).map((c) => c.status)).toEqual(['ringing']);
    expect(await liveNotificationIds(ff)).toEqual(ringing);
    expect((await readNotificationLog(ff)).filter((e) => e.op === 'create')).toHaveLength(1);
    expect((await readHealth(ff))?.state).toBe('connected');
  });

  it('stays connected through 40 s of silence with the default idle timeout and keep-alive', async () => {
    sim = await startLoopbackSimulator();
    ff = await launchFirefox();
    await configureExtension(ff, settingsFor(sim));
    await sim.waitForClients(1, 20_000);
    await new Promise((r) => setTimeout(r, 40_000));
    expect(sim.stats().acceptedConnections).toBe(1);
    expect(sim.clientCount()).toBe(1);
  }, 90_000);
});
