// `npm run bench` (issue 9): every benchmark group in one run on this machine, a table, and as
// the LAST line one JSON object with the headline figures. Ratios always come from
// measurements taken in this same run, interleaved, because the machine is shared and noisy.
import { spawnSync } from 'node:child_process';
import { assertChromiumInstalled, launchChromium, type ChromiumExtension } from '../../tests/e2e/support/chromium';
import { startLoopbackSimulator } from '../../tests/e2e/support/extension-setup';
import type { Simulator } from '../simulator/simulator';
import { generateCallStream } from './call-stream';
import { defaultReducerConfig } from './core-config';
import { benchBreakdown, benchThroughput } from './core-throughput';
import { benchGrowth } from './cost-growth';
import { measureStateSize } from './state-size';
import { benchRingLatency } from './ring-latency';
import { benchRingLatencyFirefox } from './ring-latency-firefox';
import { benchPopupRender } from './popup-render';
import { benchBrowserHeap } from './browser-heap';
import { BROWSERS, measureBundles } from './bundle-report';
import { fmt, fmtSpread, kb, printTable, type Row } from './report-table';
import { round } from './stats';

const STREAM_FRAMES = 100_000;
const LATENCY_CALLS = 200;

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function withChromium<T>(run: (ext: ChromiumExtension, sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startLoopbackSimulator();
  let ext: ChromiumExtension | null = null;
  try {
    ext = await launchChromium();
    return await run(ext, sim);
  } finally {
    await ext?.close();
    await sim.stop();
  }
}

async function main(): Promise<void> {
  // A missing browser must fail the whole bench loudly, before minutes of core measurements.
  log('building both browsers');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('npm run build failed');
  assertChromiumInstalled();

  const config = defaultReducerConfig();
  log(`generating a ${STREAM_FRAMES}-frame call-centre stream`);
  const stream = generateCallStream(STREAM_FRAMES);

  log('1/6 core throughput (5 interleaved runs of each)');
  const throughput = benchThroughput(stream, config, 5);
  const breakdown = benchBreakdown(stream, config);
  log('2/6 cost growth with 1, 100, 1000 live calls');
  const growth = benchGrowth(config);
  log('3/6 state size after 10,000 and 100,000 frames');
  const sizes = measureStateSize(stream, config, [10_000, STREAM_FRAMES]);
  const [state10k, state100k] = sizes.checkpoints;
  if (!state10k || !state100k) throw new Error('state size checkpoints missing');

  log(`4/6 ring-to-pop latency over ${LATENCY_CALLS} calls in Chromium, then 5/6 popup render`);
  const { latency, popup } = await withChromium(async (ext, sim) => ({
    latency: await benchRingLatency(ext, sim, LATENCY_CALLS),
    popup: await benchPopupRender(ext, config, 5),
  }));
  log(`4/6 ring-to-pop latency over ${LATENCY_CALLS} calls in Firefox ESR`);
  const firefoxLatency = await benchRingLatencyFirefox(LATENCY_CALLS);
  log(`3/6 Chromium background heap after the ${STREAM_FRAMES}-frame stream`);
  const heap = await withChromium((ext, sim) => benchBrowserHeap(ext, sim, stream));
  log('6/6 bundle sizes');
  const bundles = measureBundles();

  const rows: Row[] = [
    { group: '1 throughput', figure: `JSON.parse, ${throughput.frames} frames`, value: fmtSpread(throughput.parseMs, ' ms', 0) },
    { group: '', figure: 'parse → normalize → reduce → effects', value: fmtSpread(throughput.pipelineMs, ' ms', 0) },
    { group: '', figure: 'pipeline frames/s', value: fmt(throughput.pipelineFramesPerSecond, 0) },
    { group: '', figure: 'ratio to JSON.parse', value: fmtSpread(throughput.ratio, '×'), target: 'target ≤ 3' },
    { group: '', figure: `µs/frame: parse / normalize / reduce`, value: `${fmt(breakdown.parseUs.median)} / ${fmt(breakdown.normalizeUs.median)} / ${fmt(breakdown.reduceUs.median)}` },
    ...growth.perFrameUs.map((level, i) => ({ group: i === 0 ? '2 growth' : '', figure: `µs/frame, ${level.live} live + 500 history`, value: fmtSpread(level.us, ' µs') })),
    { group: '', figure: '1000 live / 1 live', value: fmtSpread(growth.ratio, '×', 2), target: 'target ≤ 1.5' },
    { group: '3 memory', figure: 'state JSON after 10,000 frames', value: kb(state10k.bytes) },
    { group: '', figure: 'state JSON after 100,000 frames', value: kb(state100k.bytes), target: 'bounded: ≈ the 10,000 figure' },
    { group: '', figure: 'Chromium worker heap before → after', value: `${kb(heap.before.usedBytes)} → ${kb(heap.after.usedBytes)} (after GC)` },
    { group: '', figure: `Chromium: ${heap.frames} frames processed in`, value: `${fmt(heap.processSeconds)} s (notifications off)` },
    { group: '4 latency', figure: `send → pop, p50 / p99 (${latency.calls} calls)`, value: `${fmt(latency.popMs.p50)} / ${fmt(latency.popMs.p99)} ms` },
    { group: '', figure: 'send → socket handler (floor), p50 / p99', value: `${fmt(latency.arrivalMs.p50)} / ${fmt(latency.arrivalMs.p99)} ms` },
    { group: '', figure: 'p50 ratio pop / floor', value: `${fmt(latency.p50Ratio)}×`, target: 'target ≤ 2' },
    { group: '', figure: 'overhead arrival → pop, p50 / p99', value: `${fmt(latency.overheadMs.p50)} / ${fmt(latency.overheadMs.p99)} ms`, target: 'target p99 < 20 ms' },
    { group: '', figure: '  of which our processing, p50 / p99', value: `${fmt(latency.processMs.p50)} / ${fmt(latency.processMs.p99)} ms` },
    { group: '', figure: '  of which notifications.create, p50 / p99', value: `${fmt(latency.createMs.p50)} / ${fmt(latency.createMs.p99)} ms` },
    { group: '4 latency Firefox', figure: `send → pop, p50 / p99 (${firefoxLatency.calls} calls)`, value: `${fmt(firefoxLatency.popMs.p50)} / ${fmt(firefoxLatency.popMs.p99)} ms` },
    { group: '', figure: 'send → background handler (floor), p50 / p99', value: `${fmt(firefoxLatency.arrivalMs.p50)} / ${fmt(firefoxLatency.arrivalMs.p99)} ms` },
    { group: '5 popup', figure: `first live row, ${popup.history} history + ${popup.live} live`, value: fmtSpread(popup.fullMs, ' ms', 0) },
    { group: '', figure: 'empty popup, first render', value: fmtSpread(popup.emptyMs, ' ms', 0) },
    { group: '', figure: 'ratio', value: fmtSpread(popup.ratio, '×', 2) },
    ...BROWSERS.flatMap((browser) => [
      ...bundles[browser].entries.map((entry, i) => ({ group: i === 0 ? `6 size ${browser}` : '', figure: `${entry.name} loads (gzip)`, value: kb(entry.gzipBytes) })),
      { group: '', figure: 'largest single chunk (gzip)', value: kb(Math.max(...bundles[browser].chunks.map((c) => c.gzipBytes))), target: 'budget 25 KB' },
      { group: '', figure: 'total JavaScript (gzip)', value: kb(bundles[browser].totalJsGzipBytes), target: 'budget 72 KB' },
    ]),
  ];
  printTable(rows);

  const summary = {
    throughputRatio: round(throughput.ratio.median),
    throughputRatioMin: round(throughput.ratio.min),
    throughputRatioMax: round(throughput.ratio.max),
    pipelineFramesPerSecond: Math.round(throughput.pipelineFramesPerSecond),
    growthRatio: round(growth.ratio.median),
    growthRatioMin: round(growth.ratio.min),
    growthRatioMax: round(growth.ratio.max),
    stateBytes10k: state10k.bytes,
    stateBytes100k: state100k.bytes,
    workerHeapBytesBefore: heap.before.usedBytes,
    workerHeapBytesAfter: heap.after.usedBytes,
    latencyPopP50Ms: round(latency.popMs.p50),
    latencyPopP99Ms: round(latency.popMs.p99),
    latencyArrivalP50Ms: round(latency.arrivalMs.p50),
    latencyArrivalP99Ms: round(latency.arrivalMs.p99),
    latencyP50Ratio: round(latency.p50Ratio),
    latencyP99OverheadMs: round(latency.overheadMs.p99),
    latencyProcessP99Ms: round(latency.processMs.p99),
    firefoxLatencyPopP50Ms: round(firefoxLatency.popMs.p50),
    firefoxLatencyPopP99Ms: round(firefoxLatency.popMs.p99),
    popupRenderMs: round(popup.fullMs.median),
    popupRenderMinMs: round(popup.fullMs.min),
    popupRenderMaxMs: round(popup.fullMs.max),
    popupEmptyRenderMs: round(popup.emptyMs.median),
    popupRenderRatio: round(popup.ratio.median),
    totalJsGzipBytes: bundles.chrome.totalJsGzipBytes,
    totalJsGzipBytesFirefox: bundles.firefox.totalJsGzipBytes,
  };
  console.log(JSON.stringify(summary));
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
