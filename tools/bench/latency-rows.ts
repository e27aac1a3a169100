// The latency group's table rows, the same for Chromium and Firefox (group 4).
import type { LatencyResult } from './ring-latency';
import { fmt, type Row } from './report-table';
import { TARGETS } from './targets';

const ms = (p: { p50: number; p99: number }) => `${fmt(p.p50)} / ${fmt(p.p99)} ms`;

export function latencyRows(group: string, latency: LatencyResult): Row[] {
  return [
    { group, figure: `CallPop send → pop, p50 / p99 (${latency.calls} calls)`, value: ms(latency.popMs) },
    { group: '', figure: `reference send → pop, p50 / p99`, value: ms(latency.referencePopMs) },
    { group: '', figure: 'p50 CallPop / reference', value: `${fmt(latency.p50VsReference, 2)}×`, target: TARGETS.latencyP50VsReference.text },
    { group: '', figure: 'p99 CallPop − reference', value: `${fmt(latency.p99OverReferenceMs, 2)} ms`, target: TARGETS.latencyP99OverReferenceMs.text },
    { group: '', figure: 'CallPop send → frame handler, p50 / p99', value: ms(latency.arrivalMs) },
    { group: '', figure: 'CallPop arrival → pop, p50 / p99', value: ms(latency.overheadMs) },
    { group: '', figure: '  of which arrival → create called, p50 / p99', value: ms(latency.processMs) },
    { group: '', figure: '    frame handler, parse, reduce, p50 / p99', value: ms(latency.reduceMs) },
    { group: '', figure: '    state with the shown record stored, p50 / p99', value: ms(latency.recordMs) },
    { group: '', figure: '  of which notifications.create, p50 / p99', value: ms(latency.createMs) },
    { group: '', figure: 'reference arrival → pop, p50 / p99', value: ms(latency.referenceOverheadMs) },
  ];
}
