// `npm start`: build, start the PBX simulator with a generated call-centre hour, and run
// Chromium with the extension pointed at it. With a display the browser window stays open
// until Ctrl-C; without one (or with --headless) it writes screenshots and exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROME_RELEASE_DIST, launchChromium, waitFor } from '../../tests/e2e/support/chromium';
import { configureExtension, settingsFor, startLoopbackSimulator } from '../../tests/e2e/support/extension-setup';
import { generateHour } from '../simulator/generate-hour';
import { readCallsState } from '../../tests/e2e/support/extension-state';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;
const port = Number(process.env.CALLPOP_SIM_PORT ?? 8765);
const speed = Number(process.env.CALLPOP_DEMO_SPEED ?? 20);
const shotsDir = resolve(process.env.CALLPOP_DEMO_SHOTS ?? 'docs/screenshots');

function build(): void {
  if (args.has('--no-build')) return;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

async function main(): Promise<void> {
  build();
  const sim = await startLoopbackSimulator({ port });
  console.log(`PBX simulator on ws://127.0.0.1:${sim.port}/live/connector/v3/easy  (domain 127.0.0.1:${sim.port}, API key demo-key, subscriber 101)`);
  const ext = await launchChromium({ headless, extensionDir: CHROME_RELEASE_DIST });
  await configureExtension(ext, settingsFor(sim));
  await sim.waitForClients(1, 20_000);
  console.log('The extension connected. Playing a generated call-centre hour at', `${speed}x speed.`);

  const stopping = new AbortController();
  const hour = generateHour({ calls: 60, seed: Number(process.env.CALLPOP_DEMO_SEED ?? 7), subscriber: '101' });
  const playing = (async () => {
    while (!stopping.signal.aborted) await sim.play(hour, { rewriteTimes: true, speed, signal: stopping.signal });
  })().catch(() => undefined);

  const shutdown = async () => {
    stopping.abort();
    await ext.close().catch(() => undefined);
    await sim.stop();
    await playing;
  };

  if (!headless) {
    console.log('Chromium is open with CallPop loaded: click its toolbar icon for the popup. Ctrl-C stops the demo.');
    await new Promise<void>((resolveStop) => {
      process.once('SIGINT', resolveStop);
      process.once('SIGTERM', resolveStop);
    });
    await shutdown();
    return;
  }

  // Headless: wait until there is history and a live call, then photograph what the agent sees.
  await waitFor(
    async () => {
      const state = await readCallsState(ext);
      return Object.keys(state.active).length > 0 && state.history.length >= 3 ? true : undefined;
    },
    'a live call and some history in the demo',
    120_000,
  );
  mkdirSync(shotsDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await ext.openExtensionPage('src/popup/popup.html', { colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.waitForSelector('[data-testid="popup-root"]');
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: resolve(shotsDir, `demo-popup-${scheme}.png`) });
    await popup.close();
  }
  const options = await ext.openExtensionPage('src/options/options.html');
  await options.setViewportSize({ width: 900, height: 1100 });
  await options.waitForSelector('[data-testid="options-root"]');
  await options.screenshot({ path: resolve(shotsDir, 'demo-options.png'), fullPage: true });
  await options.close();
  console.log(`Screenshots of the popup and the options page: ${shotsDir}`);
  await shutdown();
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
