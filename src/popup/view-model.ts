// What the popup renders, built from stored state in one pure function so every state the
// agent can see is unit-tested without a browser.
import type { CallDirection } from '../protocol/events';
import type { CallOutcome, CallRecord, CallsState, Presence } from '../calls/types';
import type { Health } from '../connection/health';
import type { Translate } from '../i18n/i18n-types';
import { conversationsNewestFirst, type Conversation } from './conversations';
import { callerView, type CallerView } from './caller-view';
import { healthView, type HealthView } from './health-view';
import { calendarDay, formatDuration, formatWhen, type ClockOptions } from './format';
import { storyLineFor } from '../calls/story-line';
import { conversationMatcher, noteOf } from './recent-search';

export type LivePhase = 'ringing' | 'talking' | 'via-group';

export interface LiveCallView {
  key: string;
  direction: CallDirection;
  directionLabel: string;
  phase: LivePhase;
  stateLabel: string;
  /** PBX epoch ms the timer counts from: bridgeAt ?? dialAt (first sight, corrected, as a last resort). */
  timerBase: number;
  caller: CallerView;
  /** The caller's story from local history ("3rd call today · last missed 10:42"); '' for none. */
  story: string;
}

export interface RecentCallView {
  key: string;
  direction: CallDirection;
  directionLabel: string;
  outcome: CallOutcome;
  outcomeLabel: string;
  when: string;
  /** Talk time (bridge → end) in words; null when never answered or unknown. */
  duration: string | null;
  /** Missed and not yet seen by the agent. */
  unseenMissed: boolean;
  caller: CallerView;
  /** The agent's note on this conversation; '' when none. */
  note: string;
}

export interface PresenceView {
  status: Presence;
  label: string;
  /** "since 14:05", or null when the change time is unknown. */
  since: string | null;
}

export type EmptyState = 'not-configured' | 'listening' | 'no-calls' | null;

export interface PopupView {
  health: HealthView;
  presence: PresenceView | null;
  live: LiveCallView[];
  /** Recent calls after the filter, newest first: the first `recentLimit` only (rows are built for what shows). */
  recent: RecentCallView[];
  /** How many conversations match the filter (the "Show more" count). */
  recentMatching: number;
  /** Conversations in history before the filter. */
  historyCount: number;
  clockOffsetMs: number;
  empty: EmptyState;
}

export interface PopupInput extends ClockOptions {
  state: CallsState;
  /** Ended calls, oldest first (local storage). */
  history: readonly CallRecord[];
  health: Health;
  /** Local epoch ms. */
  now: number;
  languageTag: string;
  t: Translate;
  missedOnly: boolean;
  /** Text typed in the search box: name, company or part of a number; '' shows all. */
  query?: string;
  /** False while the history is still being read (the popup paints live calls first). */
  historyLoaded?: boolean;
  /** Rows to build; all when absent. */
  recentLimit?: number;
}

const DIRECTION_KEYS: Record<CallDirection, string> = {
  incoming: 'popupDirectionIncoming',
  outgoing: 'popupDirectionOutgoing',
  internal: 'popupDirectionInternal',
};

const OUTCOME_KEYS: Record<CallOutcome, string> = {
  answered: 'popupOutcomeAnswered',
  missed: 'popupOutcomeMissed',
  unanswered: 'popupOutcomeUnanswered',
};

function liveCallView(conversation: Conversation, offsetMs: number, t: Translate, story: string): LiveCallView {
  const { main, groupName } = conversation;
  const talking = main.status === 'answered' || main.bridgeAt !== null;
  const phase: LivePhase = !talking ? 'ringing' : groupName !== null && main.uuid !== main.rootUuid ? 'via-group' : 'talking';
  const stateLabel =
    phase === 'ringing' ? t('popupStateRinging') : phase === 'talking' ? t('popupStateTalking') : t('popupStateViaGroup', [groupName ?? '']);
  return {
    key: main.rootUuid,
    direction: main.direction,
    directionLabel: t(DIRECTION_KEYS[main.direction]),
    phase,
    stateLabel,
    timerBase: main.bridgeAt ?? main.dialAt ?? main.firstSeenAt + offsetMs,
    caller: callerView(conversation, t),
    story,
  };
}

// An ended call without an outcome (should not happen) is shown by what its times say.
function outcomeOf(record: CallRecord): CallOutcome {
  if (record.outcome) return record.outcome;
  if (record.bridgeAt !== null) return 'answered';
  return record.direction === 'outgoing' ? 'unanswered' : 'missed';
}

function recentCallView(conversation: Conversation, input: PopupInput): RecentCallView {
  const { main, members } = conversation;
  const { t, now, languageTag } = input;
  const outcome = outcomeOf(main);
  const at = main.dialAt ?? members[0]?.dialAt ?? main.endAt ?? main.firstSeenAt;
  const duration = main.bridgeAt !== null && main.endAt !== null ? formatDuration(main.endAt - main.bridgeAt, languageTag) : null;
  return {
    key: main.rootUuid,
    direction: main.direction,
    directionLabel: t(DIRECTION_KEYS[main.direction]),
    outcome,
    outcomeLabel: t(OUTCOME_KEYS[outcome]),
    when: formatWhen(at, now, languageTag, input),
    duration,
    unseenMissed: outcome === 'missed' && members.some((record) => record.unseen),
    caller: callerView(conversation, t),
    note: noteOf(conversation),
  };
}

function presenceView(state: CallsState, input: PopupInput): PresenceView | null {
  const presence = state.presence;
  if (!presence) return null;
  const { t } = input;
  return {
    status: presence.status,
    label: t(presence.status === 'available' ? 'popupPresenceAvailable' : 'popupPresenceAway'),
    since: presence.since === null ? null : t('popupPresenceSince', [formatWhen(presence.since, input.now, input.languageTag, input)]),
  };
}

/**
 * The history's conversations, kept by history array: pressing "Show more" or typing in the
 * search rebuilds the view, and must not regroup 5,000 calls each time. A new history read from
 * storage is a new array, so it is grouped afresh.
 */
const groupedHistory = new WeakMap<readonly CallRecord[], Conversation[]>();
function historyConversations(history: readonly CallRecord[]): Conversation[] {
  let conversations = groupedHistory.get(history);
  if (!conversations) {
    conversations = conversationsNewestFirst(history);
    groupedHistory.set(history, conversations);
  }
  return conversations;
}

/**
 * Each conversation's row, kept while what it was built from holds: the conversation (a new
 * history read regroups, so an edited note or a call marked seen is a new conversation), the
 * catalog, the language, the zone and today's date (the "when" column shows the time alone for
 * today's calls). "Show more" then builds only the page it adds, and the rows already on screen
 * keep their objects, so the list component skips them (recent-list.tsx).
 */
let rowCache: { t: Translate; stamp: string; rows: WeakMap<Conversation, RecentCallView> } | null = null;
function cachedRecentCallView(conversation: Conversation, input: PopupInput): RecentCallView {
  const stamp = `${input.languageTag}|${input.timeZone ?? ''}|${calendarDay(input.now, input)}`;
  if (!rowCache || rowCache.t !== input.t || rowCache.stamp !== stamp) rowCache = { t: input.t, stamp, rows: new WeakMap() };
  let row = rowCache.rows.get(conversation);
  if (!row) {
    row = recentCallView(conversation, input);
    rowCache.rows.set(conversation, row);
  }
  return row;
}

/**
 * The live state and the history as one state object, the same object while neither changes:
 * the number index behind the story line (calls/call-index.ts) is kept per state object, and a
 * new one each render re-indexed 5,000 calls on every "Show more" press.
 */
const joinedStates = new WeakMap<CallsState, CallsState>();
function stateWithHistory(state: CallsState, history: readonly CallRecord[]): CallsState {
  const joined = joinedStates.get(state);
  if (joined?.history === history) return joined;
  const fresh = { ...state, history: history as CallRecord[] };
  joinedStates.set(state, fresh);
  return fresh;
}

export function buildPopupView(input: PopupInput): PopupView {
  const { state, health, t } = input;
  const offsetMs = state.clockOffsetMs ?? 0;
  const liveRecords = Object.values(state.active)
    .filter((record) => record.status !== 'ended')
    .sort((a, b) => a.seq - b.seq);
  // The story needs history and live calls in one state (the popup reads them from two items).
  const withHistory: CallsState | null = liveRecords.length > 0 ? stateWithHistory(state, input.history) : null;
  const clock = { languageTag: input.languageTag, timeZone: input.timeZone };
  const live = conversationsNewestFirst(liveRecords).map((conversation) =>
    liveCallView(conversation, offsetMs, t, withHistory ? storyLineFor(withHistory, conversation.main, input.now + offsetMs, clock, t) : ''),
  );
  const conversations = historyConversations(input.history);
  // Filtered before the rows are built: with 5,000 calls only the matches pay for formatting.
  const matching = conversationMatcher(input.query ?? '');
  const matches = conversations.filter((conversation) => matching(conversation) && (!input.missedOnly || outcomeOf(conversation.main) === 'missed'));
  const recent = matches.slice(0, input.recentLimit ?? matches.length).map((conversation) => cachedRecentCallView(conversation, input));
  const all = conversations;
  let empty: EmptyState = null;
  if (health.state === 'not-configured') empty = 'not-configured';
  else if (live.length === 0 && all.length === 0 && input.historyLoaded !== false) empty = health.state === 'connected' ? 'listening' : 'no-calls';
  return {
    health: healthView(health, input.now, t),
    presence: presenceView(state, input),
    live,
    recent,
    recentMatching: matches.length,
    historyCount: all.length,
    clockOffsetMs: offsetMs,
    empty,
  };
}
