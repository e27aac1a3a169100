// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildPopupView, type PopupInput } from '../../../src/popup/view-model';
import { activeOf, callRecord, callsState, catalogTranslator, crmCard, endedRecord, health, party, T0 } from './call-fixtures';

const t = catalogTranslator('en');

function view(overrides: Partial<PopupInput> = {}) {
  return buildPopupView({
    state: callsState(),
    history: [],
    health: health(),
    now: T0 + 60_000,
    languageTag: 'en',
    t,
    missedOnly: false,
    timeZone: 'UTC',
    ...overrides,
  });
}

describe('popup header', () => {
  it('says "Not configured" and offers the options page on first run', () => {
    const v = view({ health: health({ state: 'not-configured', connectedSince: null }) });
    expect(v.health.text).toBe('Not configured');
    expect(v.health.needsOptions).toBe(true);
    expect(v.empty).toBe('not-configured');
  });

  it('says it is connecting', () => {
    const v = view({ health: health({ state: 'connecting' }) });
    expect(v.health.text).toBe('Connecting…');
    expect(v.health.canRetry).toBe(false);
    expect(v.empty).toBe('no-calls');
  });

  it('counts down whole seconds to the next attempt and offers "Retry now"', () => {
    const v = view({ health: health({ state: 'reconnecting', retryAt: T0 + 60_000 + 4_200 }) });
    expect(v.health.text).toBe('Reconnecting in 5 s');
    expect(v.health.canRetry).toBe(true);
    expect(v.health.retryAt).toBe(T0 + 64_200);
  });

  it('never counts down below zero when the retry is overdue', () => {
    expect(view({ health: health({ state: 'reconnecting', retryAt: T0 }) }).health.text).toBe('Reconnecting in 0 s');
  });

  it('says why it stopped when the PBX refused, with a way to the options page', () => {
    const v = view({ health: health({ state: 'stopped', stopReason: 'refused' }) });
    expect(v.health.text).toBe('Stopped: the PBX rejected the connection with an error three times. Check domain, API key and subscriber in the settings; trying again every 5 minutes.');
    expect(v.health.needsOptions).toBe(true);
    expect(v.health.tone).toBe('problem');
  });

  it('after three failed attempts in a row says plainly the PBX cannot be reached, a wrong setting being one possible cause, and keeps counting down', () => {
    const v = view({ health: health({ state: 'reconnecting', retryAt: T0 + 90_000, failedAttempts: 3 }) });
    expect(v.health.text).toBe("Can't reach the PBX (a wrong domain, API key or subscriber is one possible cause). Reconnecting in 30 s");
    expect(v.health).toMatchObject({ tone: 'problem', needsOptions: true, canRetry: true, retryAt: T0 + 90_000 });
    const early = view({ health: health({ state: 'reconnecting', retryAt: T0 + 61_000, failedAttempts: 2 }) });
    expect(early.health).toMatchObject({ tone: 'pending', needsOptions: false, text: 'Reconnecting in 1 s' });
  });

  it('says it is listening when connected without any call yet', () => {
    const v = view();
    expect(v.health.text).toBe('Connected');
    expect(v.empty).toBe('listening');
  });

  it('shows presence and when it changed', () => {
    const v = view({ state: callsState({ presence: { status: 'away', since: Date.UTC(2024, 4, 15, 9, 30) } }) });
    expect(v.presence).toEqual({ status: 'away', label: 'Away', since: 'since 09:30 AM' });
  });

  it('speaks Ukrainian', () => {
    const v = view({
      t: catalogTranslator('uk'),
      languageTag: 'uk',
      health: health({ state: 'reconnecting', retryAt: T0 + 63_000 }),
      state: callsState({ presence: { status: 'available', since: Date.UTC(2024, 4, 15, 9, 30) } }),
    });
    expect(v.health.text).toBe('Повторне підключення через 3 с');
    expect(v.presence?.since).toBe('з 09:30');
  });
});

describe('live calls', () => {
  it('shows a ringing incoming call with its caller card and "Open in CRM"', () => {
    const ringing = callRecord();
    const v = view({ state: callsState({ active: activeOf(ringing) }) });
    expect(v.empty).toBeNull();
    const [call] = v.live;
    expect(call?.directionLabel).toBe('Incoming');
    expect(call?.stateLabel).toBe('Ringing');
    expect(call?.timerBase).toBe(T0);
    expect(call?.caller).toMatchObject({
      title: 'Olena Kovalenko',
      company: 'Reklamna Agency',
      number: '+380567777777',
      line: 'Main line',
      primary: { url: 'https://crm.example.com/contacts/29', unknown: false, actionLabel: 'Open in CRM' },
    });
  });

  it('times an answered call from the bridge, not the dial', () => {
    const answered = callRecord({ status: 'answered', bridgeAt: T0 + 7_000 });
    const [call] = view({ state: callsState({ active: activeOf(answered) }) }).live;
    expect(call?.stateLabel).toBe('Talking');
    expect(call?.timerBase).toBe(T0 + 7_000);
  });

  it('falls back to first sight in PBX time when the PBX gave no times', () => {
    const seenOnly = callRecord({ dialAt: null, firstSeenAt: T0 + 1_000 });
    const [call] = view({ state: callsState({ active: activeOf(seenOnly), clockOffsetMs: 250 }) }).live;
    expect(call?.timerBase).toBe(T0 + 1_250);
  });

  it('shows a group member call as one conversation "On the line via Sales"', () => {
    const group = callRecord({ uuid: 'g', leg: party({ type: 'group', displayName: 'Sales', ext: '500' }), seq: 1 });
    const member = callRecord({ uuid: 'm', parentUuid: 'g', rootUuid: 'g', status: 'answered', bridgeAt: T0 + 3_000, seq: 2 });
    const v = view({ state: callsState({ active: activeOf(group, member) }) });
    expect(v.live).toHaveLength(1);
    expect(v.live[0]?.stateLabel).toBe('On the line via Sales');
    expect(v.live[0]?.caller.groupName).toBe('Sales');
    expect(v.live[0]?.caller.callUuid).toBe('m');
  });

  it('lists live calls newest first', () => {
    const older = callRecord({ uuid: 'a', seq: 1, crm: [crmCard({ name: 'First' })] });
    const newer = callRecord({ uuid: 'b', seq: 2, crm: [crmCard({ name: 'Second' })] });
    const v = view({ state: callsState({ active: activeOf(older, newer) }) });
    expect(v.live.map((call) => call.caller.title)).toEqual(['Second', 'First']);
  });

  it('puts the primary CRM card first and keeps every other one by priority', () => {
    const cards = [
      crmCard({ id: null, name: null, url: 'https://one.example/new', priority: 1 }),
      crmCard({ id: '7', name: 'Known in two', url: 'https://two.example/7', priority: 2 }),
      crmCard({ id: '8', name: 'Known in three', url: 'https://three.example/8', priority: 3 }),
    ];
    const record = callRecord({ crm: cards, caller: { name: 'Known in two', company: null, number: '+1', url: 'https://two.example/7', unknown: false } });
    const [call] = view({ state: callsState({ active: activeOf(record) }) }).live;
    expect(call?.caller.crm.map((card) => [card.source, card.actionLabel])).toEqual([
      ['two.example', 'Open in CRM'],
      ['one.example', 'Create contact'],
      ['three.example', 'Open in CRM'],
    ]);
  });

  it('offers "Create contact" for a caller no CRM knows', () => {
    const unknown = callRecord({
      crm: [crmCard({ id: null, name: null, company: null, url: 'https://crm.example.com/new?num=380' })],
      caller: { name: '+380501112233', company: null, number: '+380501112233', url: 'https://crm.example.com/new?num=380', unknown: true },
    });
    const [call] = view({ state: callsState({ active: activeOf(unknown) }) }).live;
    expect(call?.caller.title).toBe('+380501112233');
    expect(call?.caller.primary).toEqual({ url: 'https://crm.example.com/new?num=380', unknown: true, actionLabel: 'Create contact' });
  });

  it('has no CRM action when the link was dropped as unsafe', () => {
    const record = callRecord({ crm: [crmCard({ url: null, urlRejected: true })], caller: { name: 'X', company: null, number: null, url: null, unknown: false } });
    expect(view({ state: callsState({ active: activeOf(record) }) }).live[0]?.caller.primary).toBeNull();
  });
});

describe('recent calls', () => {
  const answered = endedRecord({ uuid: 'h1', seq: 1, crm: [crmCard({ name: 'Answered caller' })] });
  const missed = endedRecord({ uuid: 'h2', seq: 2, outcome: 'missed', bridgeAt: null, unseen: true, crm: [crmCard({ name: 'Missed caller' })] });
  const unanswered = endedRecord({ uuid: 'h3', seq: 3, direction: 'outgoing', outcome: 'unanswered', bridgeAt: null, crm: [crmCard({ name: 'Nobody home' })] });
  const history = [answered, missed, unanswered];

  it('lists history newest first with outcome, time and talk time', () => {
    const v = view({ history });
    expect(v.recent.map((call) => [call.caller.title, call.outcomeLabel, call.when, call.duration])).toEqual([
      ['Nobody home', 'Unanswered', '10:00 AM', null],
      ['Missed caller', 'Missed', '10:00 AM', null],
      ['Answered caller', 'Answered', '10:00 AM', '2 min'],
    ]);
  });

  it('measures talk time from bridge to end, in the UI language', () => {
    const long = endedRecord({ bridgeAt: T0, endAt: T0 + 3_725_000 });
    expect(view({ history: [long] }).recent[0]?.duration).toBe('1 hr 2 min 5 sec');
    expect(view({ history: [long], languageTag: 'uk', t: catalogTranslator('uk') }).recent[0]?.duration).toBe('1 год 2 хв 5 с');
  });

  it('shows the date for calls before today', () => {
    const v = view({ history: [endedRecord({ dialAt: T0 - 86_400_000 })] });
    expect(v.recent[0]?.when).toBe('May 14, 10:00 AM');
  });

  it('"Show more" builds only the page it adds: the rows already built keep their objects (the list skips them)', () => {
    const first = view({ history, recentLimit: 2 }).recent;
    const more = view({ history, recentLimit: 3 }).recent;
    expect(more).toHaveLength(3);
    expect(more[0]).toBe(first[0]);
    expect(more[1]).toBe(first[1]);
  });

  it('builds a kept row again when what it shows changes: the day turns, the language, a new history read', () => {
    const today = view({ history, recentLimit: 1 }).recent[0]!;
    const tomorrow = view({ history, recentLimit: 1, now: T0 + 86_400_000 }).recent[0]!;
    expect(today.when).toBe('10:00 AM');
    expect(tomorrow.when).toBe('May 15, 10:00 AM');
    const ukrainian = view({ history, recentLimit: 1, languageTag: 'uk', t: catalogTranslator('uk') }).recent[0]!;
    expect(ukrainian.outcomeLabel).not.toBe(today.outcomeLabel);
    const reread = view({ history: [answered, missed, { ...unanswered, note: 'call back after 5' }], recentLimit: 1 }).recent[0]!;
    expect(reread.note).toBe('call back after 5');
  });

  it('marks unseen missed calls only', () => {
    const v = view({ history });
    expect(v.recent.map((call) => call.unseenMissed)).toEqual([false, true, false]);
  });

  it('filters to missed calls only', () => {
    const v = view({ history, missedOnly: true });
    expect(v.recent.map((call) => call.caller.title)).toEqual(['Missed caller']);
    expect(v.historyCount).toBe(3);
  });

  it('shows a group call answered by a member once, as answered', () => {
    const group = endedRecord({ uuid: 'g', seq: 1, outcome: 'missed', bridgeAt: null, leg: party({ type: 'group', displayName: 'Sales' }) });
    const member = endedRecord({ uuid: 'm', seq: 2, parentUuid: 'g', rootUuid: 'g' });
    const v = view({ history: [group, member] });
    expect(v.recent).toHaveLength(1);
    expect(v.recent[0]?.outcomeLabel).toBe('Answered');
    expect(v.recent[0]?.caller.groupName).toBe('Sales');
  });

  it('is not empty when only history exists', () => {
    expect(view({ history }).empty).toBeNull();
  });
});
