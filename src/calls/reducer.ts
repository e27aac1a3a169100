// The call-state reducer: one normalized event in, the state updated in place, effects out.
// Mutating on purpose: the background keeps one state object and a flood of frames must cost
// O(1) each, not a copy of the history per frame.
import type { CallEvent, PbxEvent } from '../protocol/events';
import type { CallOutcome, CallRecord, CallsState, Effect } from './types';
import type { ReducerConfig } from './reducer-config';
import { nextClockOffset, pbxNow } from './clock-offset';
import { callerCardFor } from './caller-card';
import { mergeFacts, sameFields } from './merge-record';
import { conversationMissedNow, rootFor, isAnswered } from './conversation';
import { noteAnsweredCall, noteMissedConversation } from './call-backs';
import { ringsHereFor } from './rings-here';
import { addLive, endedCall, endedCallsWithNumber, liveCall, noteEndedCardChanged, noteParentLearned, pushEnded, removeLive } from './call-index';
import { effectsOnAnswer, effectsOnEnd, effectsOnRing } from './notification-policy';
import { storyLineFor } from './story-line';

export function applyEvent(state: CallsState, event: PbxEvent, now: number, config: ReducerConfig): Effect[] {
  state.clockOffsetMs = nextClockOffset(state.clockOffsetMs, event.serverTime, now);
  switch (event.kind) {
    case 'presence':
      state.presence = { status: event.presence, since: event.serverTime ?? pbxNow(state.clockOffsetMs, now) };
      return [];
    case 'error':
      state.lastError = { message: event.message, at: now };
      return [];
    case 'call':
      return applyCallEvent(state, event, now, config);
  }
}

function refreshCaller(record: CallRecord): void {
  const colleague = record.direction !== 'internal' ? null : record.ringsHere ? record.leg : record.leg2;
  const next = callerCardFor({ crm: record.crm, trunkNum: record.trunkNum, trunkName: record.trunkName, colleague });
  // Most frames change nothing here: the stored card stays (fewer objects outlive the frame).
  if (!sameFields(next, record.caller)) record.caller = next;
}

function applyCallEvent(state: CallsState, event: CallEvent, now: number, config: ReducerConfig): Effect[] {
  const live = liveCall(state, event.uuid);
  if (live) return advanceLive(state, live, event, now, config);
  const ended = endedCall(state, event.uuid);
  if (!ended) return firstSight(state, event, now, config);
  // Ended is final (decision 8): a late bridge or a repeated hangup only adds names and cards.
  const { dialAt, bridgeAt, parentUuid } = ended;
  mergeFacts(ended, event);
  noteParentLearned(state, ended, parentUuid);
  ended.dialAt = dialAt;
  ended.bridgeAt = bridgeAt;
  refreshCaller(ended);
  noteEndedCardChanged(state, ended);
  return [];
}

function firstSight(state: CallsState, event: CallEvent, now: number, config: ReducerConfig): Effect[] {
  const record: CallRecord = {
    uuid: event.uuid,
    parentUuid: event.parentUuid,
    rootUuid: rootFor(state, event),
    direction: event.direction,
    ringsHere: ringsHereFor(state, event, config.subscriber),
    status: 'ringing',
    outcome: null,
    dialAt: null,
    bridgeAt: null,
    endAt: null,
    firstSeenAt: now,
    seq: state.nextSeq++,
    caller: { name: null, company: null, number: null, url: null, unknown: false },
    crm: [],
    leg: null,
    leg2: null,
    trunkNum: null,
    trunkName: null,
    unseen: false,
  };
  mergeFacts(record, event);
  refreshCaller(record);
  if (event.event === 'hangup') return end(state, record, event, now, config, false);
  addLive(state, record);
  if (event.event === 'dial') {
    const story = config.story ? storyLineFor(state, record, pbxNow(state.clockOffsetMs, now), config.story, config.t) : '';
    return effectsOnRing(state, record, config, story);
  }
  return answer(state, record, now, config);
}

function advanceLive(state: CallsState, record: CallRecord, event: CallEvent, now: number, config: ReducerConfig): Effect[] {
  const parentBefore = record.parentUuid;
  mergeFacts(record, event);
  noteParentLearned(state, record, parentBefore);
  refreshCaller(record);
  if (event.event === 'hangup') return end(state, record, event, now, config, true);
  // Status only moves forward: a repeated dial, or a bridge for an answered call, changes nothing.
  if (event.event === 'bridge' && record.status === 'ringing') return answer(state, record, now, config);
  return [];
}

function answer(state: CallsState, record: CallRecord, now: number, config: ReducerConfig): Effect[] {
  record.status = 'answered';
  record.bridgeAt = record.bridgeAt ?? pbxNow(state.clockOffsetMs, now);
  noteAnsweredCall(state, record);
  return effectsOnAnswer(state, record, config);
}

function outcomeOf(record: CallRecord): CallOutcome {
  if (isAnswered(record)) return 'answered';
  // An internal call that rang here is the agent's missed call; one the agent placed went unanswered.
  if (record.direction === 'incoming' || (record.direction === 'internal' && record.ringsHere)) return 'missed';
  return 'unanswered';
}

function end(
  state: CallsState,
  record: CallRecord,
  event: CallEvent,
  now: number,
  config: ReducerConfig,
  wasLive: boolean,
): Effect[] {
  record.outcome = outcomeOf(record);
  record.status = 'ended';
  record.endAt = event.serverTime ?? pbxNow(state.clockOffsetMs, now);
  if (wasLive) removeLive(state, record);
  pushEnded(state, record, config.historyLimit);
  // A hangup seen alone (connected mid-call, catch-up) is the first news of its answer.
  if (!wasLive && record.outcome === 'answered') noteAnsweredCall(state, record);
  if (conversationMissedNow(state, record, wasLive)) noteMissedConversation(state, record, (key) => endedCallsWithNumber(state, key));
  return effectsOnEnd(state, record, wasLive, config);
}
