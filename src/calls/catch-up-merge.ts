// Calls the PBX reports as missed while the connection was down (REST missed.api), folded into
// the call state: each unknown call once, into history as a missed call, with no pop of its
// own; one summary notification for all of them. Pure: the background fetches, this decides.
import { normalizeFrame } from '../protocol/normalize-frame';
import type { CallRecord, CallsState, Effect, NotificationOp } from './types';
import type { ReducerConfig } from './reducer-config';
import { applyEvent } from './reducer';
import { findCall } from './find-call';

/** Prefix of the summary notification's id; its kind is 'missed', so "mark seen" clears it too. */
export const CATCH_UP_NOTIFICATION_PREFIX = 'catch-up:';

export interface CatchUpMerge {
  /** Calls added to history, oldest first. */
  added: CallRecord[];
  effects: Effect[];
}

const field = (item: object, name: string): unknown => (item as Record<string, unknown>)[name];

/** A REST history item read as the hangup frame the stream would have sent for it. */
function asHangupFrame(item: object): string {
  const endAt = field(item, 'endAt') ?? field(item, 'hangupAt') ?? field(item, 'dialAt');
  return JSON.stringify({
    ...item,
    event: 'call.hangup',
    // missed.api lists calls to the agent; a missing direction means incoming.
    lgDirection: field(item, 'lgDirection') ?? 4,
    bridgeAt: null,
    serverTime: endAt,
  });
}

function dialTime(record: CallRecord): number {
  return record.dialAt ?? record.endAt ?? record.firstSeenAt;
}

export function summaryNotification(count: number, now: number, config: ReducerConfig): NotificationOp {
  const title = count === 1 ? config.t('catchUpSummaryOne') : config.t('catchUpSummaryMany', [String(count)]);
  return { op: 'create', id: `${CATCH_UP_NOTIFICATION_PREFIX}${now}`, call: null, kind: 'missed', title, message: config.t('catchUpSummaryMessage'), context: '', url: null };
}

export function mergeMissedCalls(state: CallsState, items: readonly unknown[], now: number, config: ReducerConfig): CatchUpMerge {
  const events = items
    .filter((item): item is object => typeof item === 'object' && item !== null)
    .map((item) => normalizeFrame(asHangupFrame(item)))
    // A call without a dial time cannot be placed in history, nor checked against the gap.
    .flatMap((result) => (result.kind === 'call' && result.dialAt !== null ? [result] : []))
    .sort((a, b) => (a.dialAt ?? 0) - (b.dialAt ?? 0));
  // Each call is already in history as missed: no per-call pop, no CRM tab opening by itself.
  const quiet: ReducerConfig = { ...config, policy: { ...config.policy, missed: false, autoOpen: 'off' } };
  // Old times from history say nothing about the PBX clock now.
  const clockOffsetMs = state.clockOffsetMs;
  const added: CallRecord[] = [];
  const effects: Effect[] = [];
  for (const event of events) {
    if (findCall(state, event.uuid)) continue; // known live or from history: never twice
    effects.push(...applyEvent(state, event, now, quiet));
    const record = findCall(state, event.uuid);
    if (record) added.push(record);
  }
  state.clockOffsetMs = clockOffsetMs;
  const missed = added.filter((record) => record.outcome === 'missed').sort((a, b) => dialTime(a) - dialTime(b));
  if (missed.length > 0 && config.policy.missed) {
    const summary = summaryNotification(missed.length, now, config);
    state.shown[summary.id] = { kind: 'missed', call: null };
    effects.push({ type: 'notification', notification: summary });
  }
  return { added, effects };
}
