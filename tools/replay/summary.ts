// The summary line: every call seen, live or ended, in first-seen order, in the shape the
// e2e tests also derive from a real extension's state (so both are compared field for field).
import type { CallRecord, CallsState } from '../../src/calls/types';

export function summaryCall(record: CallRecord) {
  return {
    uuid: record.uuid,
    parentUuid: record.parentUuid,
    direction: record.direction,
    status: record.status,
    outcome: record.outcome,
    dialAt: record.dialAt,
    bridgeAt: record.bridgeAt,
    caller: { name: record.caller.name, company: record.caller.company, number: record.caller.number, url: record.caller.url },
    crm: record.crm.map((card) => ({
      id: card.id,
      name: card.name,
      number: card.number,
      company: card.company,
      url: card.url,
      priority: card.priority,
    })),
  };
}

export function summaryLine(state: CallsState, frames: number, rejected: number) {
  const calls = [...state.history, ...Object.values(state.active)].sort((a, b) => a.seq - b.seq);
  return { summary: { frames, rejected, presence: state.presence?.status ?? null, calls: calls.map(summaryCall) } };
}
