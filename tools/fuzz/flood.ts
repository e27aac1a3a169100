// `npm run flood [-- --seconds 30 --rate 1000 --seed 8010 --no-build]`: issue 8 case 10's long run.
// A busy PBX's calls squeezed to `rate` frames/s (plus ~2% garbage) for `seconds` into Debian's
// Chromium with the built extension, the popup opened halfway. Prints what it measured and one
// JSON line last; exits 1 when the worker crashed or reconnected, a frame was lost, a conversation
// popped twice, or the notifications left on screen differ from the replay tool's prediction.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../tests/e2e/support/chromium';
import { AGENT_EXT, configureExtension, settingsFor, startLoopbackSimulator } from '../../tests/e2e/support/extension-setup';
import { liveNotificationIds, readHealth } from '../../tests/e2e/support/extension-state';
import { notificationsLeftShown, replayScenario } from '../../tests/e2e/support/replay';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';
import { formatScenario } from '../simulator/scenario';
import { floodFrames } from './flood-frames';
import { doubleCreates, runFlood } from './flood-run';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const seconds = arg('seconds', 30);
const rate = arg('rate', 1_000);
const seed = arg('seed', 8_010);
const log = (line: string) => console.log(`flood: ${line}`);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

async function main(): Promise<number> {
  if (!process.argv.includes('--no-build')) {
    log('building');
    // launchChromium loads the test build (dist/test-chrome).
    if (spawnSync('npm', ['run', '--silent', 'build:test'], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('npm run build:test failed');
  }
  const plan = floodFrames({ framesPerSecond: rate, seconds, seed, startAt: Date.now() });
  const dir = mkdtempSync(join(tmpdir(), 'callpop-flood-'));
  const file = join(dir, 'flood.jsonl');
  writeFileSync(file, formatScenario(plan.lines));
  const predicted = replayScenario(file, { subscriber: AGENT_EXT, historyLimit: DEFAULT_SETTINGS.historyLimit });
  log(`${plan.lines.length} frames planned (${plan.garbage} garbage), seed ${seed}; scenario ${file}`);

  const sim = await startLoopbackSimulator();
  const ext = await launchChromium();
  try {
    await configureExtension(ext, settingsFor(sim));
    await sim.waitForClients(1, 30_000);
    const connections = sim.stats().acceptedConnections;
    const result = await runFlood(ext, sim, plan, { popupAtMs: (seconds * 1000) / 2, drainTimeoutMs: 180_000, log });
    const health = (await readHealth(ext)) ?? result.health;
    const live = await liveNotificationIds(ext);
    const expectedCalls = notificationsLeftShown(predicted).filter((id) => id.startsWith('call:'));
    const creates = result.notificationOps.filter((op) => op.op === 'create').length;

    log(`sent ${result.sent} frames in ${result.sendSeconds.toFixed(1)} s: ${Math.round(result.achievedFps)} frames/s achieved`);
    log(`backlog at most ${result.maxBacklog} frames; every frame counted ${result.drainMs} ms and all effects done ${result.settleMs} ms after the last one sent`);
    log(`worker heap after GC: ${mb(result.heapBefore.usedBytes)} before, ${mb(result.heapAfter.usedBytes)} after (${(result.heapAfter.usedBytes / result.heapBefore.usedBytes).toFixed(2)}×)`);
    // What the core asked for frame by frame, before the pipeline merged each batch's ops per notification.
    const unmerged = predicted.frames.flatMap((line) => line.notifications);
    const unmergedCreates = unmerged.filter((op) => op.op === 'create').length;
    log(`notifications: ${creates} created, ${result.notificationOps.length} ops in all (unmerged, frame by frame: ${unmergedCreates} created, ${unmerged.length} ops); ${live.length} on screen at the end`);
    log(`storage writes seen: ${Object.entries(result.storageWrites).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    log(result.popup ? `popup opened at ${seconds / 2} s: rendered in ${result.popup.renderMs} ms, "Missed only" applied in ${result.popup.toggleMs} ms` : 'popup: not opened');

    const problems: string[] = [];
    if (!result.workerAnswered || health.state !== 'connected') problems.push(`worker not healthy (${health.state})`);
    if (sim.stats().acceptedConnections !== connections) problems.push('the socket was replaced during the flood');
    const counted = health.framesAccepted + health.framesRejected;
    if (counted !== result.sent) problems.push(`${result.sent - counted} frames lost (${counted} of ${result.sent} counted)`);
    if (health.framesRejected !== predicted.summary.rejected) problems.push(`${health.framesRejected} rejected, the replay says ${predicted.summary.rejected}`);
    const twice = doubleCreates(result.notificationOps);
    if (twice.length > 0) problems.push(`popped twice: ${twice.slice(0, 5).join(', ')}`);
    if (JSON.stringify(live.filter((id) => id.startsWith('call:'))) !== JSON.stringify(expectedCalls)) problems.push('call notifications on screen differ from the replay');
    for (const problem of problems) console.error(`flood: FAIL ${problem}`);
    console.log(JSON.stringify({
      seconds, rate, seed, sent: result.sent, garbage: result.garbage, achievedFps: Math.round(result.achievedFps),
      maxBacklog: result.maxBacklog, drainMs: result.drainMs, settleMs: result.settleMs,
      heapBeforeBytes: result.heapBefore.usedBytes, heapAfterBytes: result.heapAfter.usedBytes,
      notificationCreates: creates, notificationOps: result.notificationOps.length, unmergedCreates, unmergedOps: unmerged.length, storageWrites: result.storageWrites,
      popup: result.popup, problems,
    }));
    rmSync(dir, { recursive: true, force: true });
    return problems.length === 0 ? 0 : 1;
  } finally {
    await ext.close();
    await sim.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`flood: FAIL ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
