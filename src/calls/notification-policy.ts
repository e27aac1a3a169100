// Which notifications a conversation gets (docs/protocol.md decisions 9 and 10): one per
// conversation, `call:<root>` while it rings or talks, `missed:<root>` once it ends unanswered.
// `state.shown` is the memory that makes this idempotent across duplicates and worker restarts.
import type { NotificationPolicy } from '../settings/settings-schema';
import type { CallRecord, CallsState, Effect, NotificationKind } from './types';
import type { ReducerConfig } from './reducer-config';
import { includesBounded, pushBounded } from './bounded-list';
import { conversationHead, conversationMissedNow, endedCallsOf, isAnswered, liveCallsOf } from './conversation';
import {
  callNotificationId,
  clearOp,
  conversationText,
  joinParts,
  missedNotificationId,
  notificationOp,
  ringKindOf,
} from './notification-text';

/** Missed-call notifications left on screen at once; the oldest is cleared beyond this. */
export const MAX_MISSED_SHOWN = 20;

export function kindAllowed(policy: NotificationPolicy, kind: NotificationKind): boolean {
  if (kind === 'incoming') return policy.incoming;
  if (kind === 'internal') return policy.internal;
  if (kind === 'outgoing') return policy.outgoing;
  return policy.missed;
}

function autoOpen(state: CallsState, record: CallRecord, root: string, config: ReducerConfig): Effect[] {
  const url = record.caller.url;
  if (url === null || includesBounded(state.autoOpened, root)) return [];
  pushBounded(state.autoOpened, root, config.historyLimit);
  return [{ type: 'open-crm', call: record.uuid, url, focused: config.policy.autoOpenFocused }];
}

/**
 * A call was first seen ringing. Pops only the conversation's first ringing call, never after an
 * answer. `story` is the caller's story line ('' for none), added as the message's last line.
 */
export function effectsOnRing(state: CallsState, record: CallRecord, config: ReducerConfig, story = ''): Effect[] {
  const root = record.rootUuid;
  const id = callNotificationId(root);
  const kind = ringKindOf(record);
  if (!kindAllowed(config.policy, kind) || Object.hasOwn(state.shown, id)) return [];
  const moved = liveCallsOf(state, root).some((call) => call.status !== 'ringing') || endedCallsOf(state, root).length > 0;
  if (moved) return [];
  const head = conversationHead(state, root, record);
  state.shown[id] = { kind, call: record.uuid };
  const text = conversationText(head, record, config.t);
  if (story !== '') text.message = text.message === '' ? story : `${text.message}\n${story}`;
  const effects: Effect[] = [{ type: 'notification', notification: notificationOp('create', id, record.uuid, kind, text) }];
  if (config.policy.autoOpen === 'ring') effects.push(...autoOpen(state, record, root, config));
  return effects;
}

function answeredOtherThan(calls: readonly CallRecord[], record: CallRecord): boolean {
  for (const call of calls) if (call !== record && isAnswered(call)) return true;
  return false;
}

/** A call of the conversation was answered: the pop says so, or goes away. */
export function effectsOnAnswer(state: CallsState, record: CallRecord, config: ReducerConfig): Effect[] {
  const root = record.rootUuid;
  const id = callNotificationId(root);
  const shown = state.shown[id];
  const effects: Effect[] = [];
  // The group call and its member both report the answer: the pop changes once.
  const answeredBefore = answeredOtherThan(liveCallsOf(state, root), record) || answeredOtherThan(endedCallsOf(state, root), record);
  if (shown && !answeredBefore) {
    if (config.policy.onAnswer === 'clear') {
      delete state.shown[id];
      effects.push({ type: 'notification', notification: clearOp(id, shown.call, shown.kind) });
    } else {
      const text = conversationText(conversationHead(state, root, record), record, config.t);
      text.message = joinParts([config.t('notifAnswered'), text.message]);
      effects.push({ type: 'notification', notification: notificationOp('update', id, shown.call, shown.kind, text) });
    }
  }
  if (config.policy.autoOpen === 'answer' && kindAllowed(config.policy, ringKindOf(record))) {
    effects.push(...autoOpen(state, record, root, config));
  }
  return effects;
}

function showMissed(state: CallsState, record: CallRecord, config: ReducerConfig): Effect[] {
  const root = record.rootUuid;
  const id = missedNotificationId(root);
  if (!config.policy.missed || Object.hasOwn(state.shown, id)) return [];
  const effects: Effect[] = [];
  const missedIds: string[] = [];
  for (const key of Object.keys(state.shown)) if (state.shown[key]?.kind === 'missed') missedIds.push(key);
  for (const old of missedIds.slice(0, Math.max(0, missedIds.length - MAX_MISSED_SHOWN + 1))) {
    const entry = state.shown[old];
    delete state.shown[old];
    effects.push({ type: 'notification', notification: clearOp(old, entry?.call ?? null, 'missed') });
  }
  const text = conversationText(conversationHead(state, root, record), record, config.t);
  text.message = joinParts([config.t('notifMissed'), text.message]);
  state.shown[id] = { kind: 'missed', call: record.uuid };
  effects.push({ type: 'notification', notification: notificationOp('create', id, record.uuid, 'missed', text) });
  return effects;
}

/**
 * A call ended (already moved to history). The conversation is decided once, when its last
 * live call ends: missed only if no call in it was answered. A call first seen at its hangup
 * joining a conversation that already ended must not decide it a second time.
 */
export function effectsOnEnd(state: CallsState, record: CallRecord, wasLive: boolean, config: ReducerConfig): Effect[] {
  const root = record.rootUuid;
  if (liveCallsOf(state, root).length > 0) return [];
  const effects: Effect[] = [];
  const callId = callNotificationId(root);
  const shown = state.shown[callId];
  if (shown) {
    delete state.shown[callId];
    effects.push({ type: 'notification', notification: clearOp(callId, shown.call, shown.kind) });
  }
  if (!conversationMissedNow(state, record, wasLive)) return effects;
  record.unseen = true;
  effects.push(...showMissed(state, record, config));
  return effects;
}
