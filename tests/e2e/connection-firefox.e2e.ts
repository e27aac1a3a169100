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
import { AGENT_EXT, DEMO_API_KEY, freePort } from './support/extension-setup';
import { incomingFrame } from './support/fault-frames';
import { startSimulator } from '../../tools/simulator/simulator';
import { browserProcessTree, signalTree } from './support/process-freeze';
import { startBlackholeProxy, type BlackholeProxy } from '../../tools/simulator/blackhole-proxy';
import { RECONNECT } from '../../src/connection/reconnect-policy';

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

  describe('on a real network (issue 14)', () => {
    let proxy: BlackholeProxy | undefined;
    afterEach(async () => {
      await proxy?.close();
      proxy = undefined;
    });
    const behindProxy = async () => {
      const simPort = await freePort();
      proxy = await startBlackholeProxy(simPort);
      sim = await startSimulator({ apiKey: DEMO_API_KEY, subscribers: [AGENT_EXT], port: simPort, domain: `127.0.0.1:${proxy.port}` });
      return { ...settingsFor(sim), domain: `127.0.0.1:${proxy.port}` };
    };
    const popsOf = async (uuid: string) => (await readNotificationLog(ff!)).filter((e) => e.op === 'create' && e.id === `call:${uuid}`).length;

    it('a 5 s PBX restart behind a front that answers HTTP: live again within the backoff ceiling plus a handshake, never "stopped"', async () => {
      const settings = await behindProxy();
      ff = await launchFirefox();
      await configureExtension(ff, settings);
      await sim!.waitForClients(1, 20_000);
      sim!.setRefuse(true);
      sim!.drop();
      const states = new Set<string>();
      const downUntil = Date.now() + 5_000;
      while (Date.now() < downUntil) {
        const h = await readHealth(ff);
        if (h) states.add(h.state);
        await new Promise((r) => setTimeout(r, 300));
      }
      sim!.setRefuse(false);
      const backAt = Date.now();
      await sim!.waitForClients(1, RECONNECT.maxDelayMs + 5_000);
      console.log(`[network-e2e] firefox restart 5000 ms: liveAfterMs=${Date.now() - backAt}`);
      expect(states.has('stopped')).toBe(false);
      sim!.send(incomingFrame('call.dial', 'ff-after-restart'));
      await waitFor(async () => ((await popsOf('ff-after-restart')) === 1 ? true : undefined), 'the ring after the restart pops');
    });

    it('sleep (Firefox frozen with SIGSTOP while the network drops the socket): a new socket within 3 s of resume, the ring after it pops once', async () => {
      const settings = await behindProxy();
      ff = await launchFirefox();
      await configureExtension(ff, settings);
      await sim!.waitForClients(1, 20_000);
      await new Promise((r) => setTimeout(r, 3_000)); // past the first wake checks
      const accepted = sim!.stats().acceptedConnections;
      const tree = browserProcessTree(ff.profileDir);
      expect(tree.length).toBeGreaterThan(0);
      proxy!.blackholeAll();
      signalTree(tree, 'SIGSTOP');
      try {
        await new Promise((r) => setTimeout(r, 12_000));
      } finally {
        signalTree(tree, 'SIGCONT');
      }
      const resumedAt = Date.now();
      await waitFor(() => (sim!.stats().acceptedConnections > accepted ? true : undefined), 'a new socket after resume', 15_000);
      const tookMs = Date.now() - resumedAt;
      console.log(`[network-e2e] firefox sleep 12000 ms: newSocketAfterResumeMs=${tookMs}`);
      expect(tookMs).toBeLessThanOrEqual(3_000);
      await new Promise((r) => setTimeout(r, 1_000));
      sim!.send(incomingFrame('call.dial', 'ff-after-sleep'));
      await waitFor(async () => ((await popsOf('ff-after-sleep')) === 1 ? true : undefined), 'the ring after the sleep pops');
    });

    it('a zombie socket is replaced make-before-break after the silence limit; the ring after it pops once', async () => {
      const settings = await behindProxy();
      ff = await launchFirefox();
      await setLocal(ff, 'callpop.testTuning', { silenceLimitMs: 5_000 });
      await configureExtension(ff, settings);
      await sim!.waitForClients(1, 20_000);
      const accepted = sim!.stats().acceptedConnections;
      const holedAt = Date.now();
      expect(proxy!.blackholeAll()).toBe(1);
      await waitFor(() => (sim!.stats().acceptedConnections > accepted ? true : undefined), 'a replacement socket', 30_000);
      console.log(`[network-e2e] firefox zombie: silenceLimitMs=5000 replacedWithinMs=${Date.now() - holedAt}`);
      await waitFor(async () => ((await readHealth(ff!))?.lastReplacement?.reason === 'silence' ? true : undefined), 'replaced for silence');
      sim!.send(incomingFrame('call.dial', 'ff-after-zombie'));
      await waitFor(async () => ((await popsOf('ff-after-zombie')) === 1 ? true : undefined), 'the ring after the replacement pops');
    });
  });
});
