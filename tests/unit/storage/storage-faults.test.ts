// The storage faults of issue 15, each on a real worker start (start-background) over the
// in-memory fake browser: a record that no longer parses, a full storage area, and two
// read-modify-writes or settings changes at once. Each of these lost data before the storage layer.
import { describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fake-browser';
import { openedSockets as sockets } from '../support/fake-socket';
import { settingsWith, useWorker } from '../support/worker';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';
import { crmCardOf, dialFrame, hangupFrame } from '../protocol/frame-builders';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/socket-factory', async () => (await import('../support/fake-socket')).fakeSocketFactory);

const worker = useWorker();
const { boot, restart, pbxSends } = worker;

const pops = () => fake.fakeState.log.filter((entry) => entry.startsWith('notify'));
const storedHistory = () => (fake.fakeBrowser.storage.local.data[LOCAL_KEYS.history] ?? []) as Array<{ uuid: string }>;

describe('a stored record that no longer parses', () => {
  it('costs only itself: the rest of the history survives the next ended call, and the bad one is quarantined', async () => {
    await boot();
    for (let i = 1; i <= 4; i++) await pbxSends(dialFrame({ uuid: `old-${i}` }), hangupFrame({ uuid: `old-${i}` }));
    expect(storedHistory()).toHaveLength(4);
    // Another version wrote an outcome this one does not know.
    const history = fake.fakeBrowser.storage.local.data[LOCAL_KEYS.history] as Array<Record<string, unknown>>;
    history[1] = { ...history[1], outcome: 'transferred' };

    await restart();
    await pbxSends(dialFrame({ uuid: 'new-1' }), hangupFrame({ uuid: 'new-1' }));

    expect(storedHistory().map((call) => call.uuid)).toEqual(['old-1', 'old-3', 'old-4', 'new-1']);
    const quarantine = fake.fakeBrowser.storage.local.data[LOCAL_KEYS.quarantine] as { total: number; entries: Array<{ key: string; problem: string; record: { uuid: string } }> };
    expect(quarantine.total).toBe(1);
    expect(quarantine.entries[0]).toMatchObject({ key: LOCAL_KEYS.history, record: { uuid: 'old-2' } });
    expect(quarantine.entries[0]?.problem).toMatch(/^outcome/);
  });

  it('one bad live call does not cost what was shown: a replayed ring does not pop again', async () => {
    await boot();
    await pbxSends(dialFrame({ uuid: 'ringing' }));
    expect(pops()).toHaveLength(1);
    const state = fake.fakeBrowser.storage.session.data[SESSION_KEYS.callState] as { active: Record<string, unknown> };
    state.active['broken'] = { uuid: 42, status: 'exploded' };

    await restart();
    await pbxSends(dialFrame({ uuid: 'ringing' })); // the PBX replays the ringing call after the reconnect
    expect(pops()).toEqual([]);
    expect(Object.keys(worker.bg!.pipeline.getState().active)).toEqual(['ringing']);
  });
});

describe('a full storage area', () => {
  /** The wire caps each text at 500 characters and a frame at 100 CRM cards (about 2 KB a card here). */
  const cards = (count: number) => Array.from({ length: count }, (_, i) => crmCardOf({ id: String(i), name: 'Ю'.repeat(500), companyName: 'Ж'.repeat(500) }));

  it('trims the oldest history and says so; the shown record is written first, so nothing pops twice', async () => {
    await boot();
    // 20 calls of about 20 KB each: far more than the 150 KB this area holds.
    fake.fakeBrowser.storage.local.quotaBytes = 150_000;
    for (let i = 1; i <= 20; i++) await pbxSends(dialFrame({ uuid: `big-${i}`, otherLegs: cards(10) }), hangupFrame({ uuid: `big-${i}`, otherLegs: cards(10) }));

    const kept = storedHistory().map((call) => call.uuid);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.at(-1)).toBe('big-20'); // the newest call is always kept
    expect(kept).toEqual(worker.bg!.pipeline.getState().history.map((call) => call.uuid)); // memory and storage agree
    const trim = fake.fakeBrowser.storage.local.data[LOCAL_KEYS.storageTrim] as { reason: string; dropped: number; key: string };
    expect(trim).toMatchObject({ reason: 'quota', key: LOCAL_KEYS.history });
    expect(trim.dropped).toBeGreaterThan(0);

    await pbxSends(dialFrame({ uuid: 'ringing', otherLegs: cards(10) }));
    expect(pops().length).toBeGreaterThan(0);
    await restart();
    await pbxSends(dialFrame({ uuid: 'ringing', otherLegs: cards(10) }));
    expect(pops()).toEqual([]);
  });

  it('keeps a list within its byte budget without waiting for the quota, newest first to stay', async () => {
    const { defineListItem } = await import('../../../src/storage/list-item');
    const { callRecordSchema } = await import('../../../src/storage/call-state-schema');
    const { HISTORY_BUDGET_BYTES, historyItem } = await import('../../../src/storage/call-items');
    expect(historyItem.budgetBytes).toBe(HISTORY_BUDGET_BYTES);
    await boot();
    await pbxSends(dialFrame({ uuid: 'a', otherLegs: cards(3) }), hangupFrame({ uuid: 'a', otherLegs: cards(3) }));
    const one = worker.bg!.pipeline.getState().history[0]!;
    const bytes = new TextEncoder().encode(JSON.stringify(one)).length;
    // The history's own mechanism with a budget of three and a half records.
    const list = defineListItem({ area: 'local', key: 'test.list', version: 1, record: callRecordSchema, budgetBytes: Math.floor(bytes * 3.5) });
    const records = Array.from({ length: 10 }, (_, i) => ({ ...one, uuid: `r-${i}` }));
    const saved = await list.save(records);
    expect(saved).toMatchObject({ dropped: 7, reason: 'budget' });
    expect((fake.fakeBrowser.storage.local.data['test.list'] as Array<{ uuid: string }>).map((r) => r.uuid)).toEqual(['r-7', 'r-8', 'r-9']);
  });
});

describe('two changes at once', () => {
  it('two CRM opens at once both remember their tab: a second click on each focuses it', async () => {
    await boot();
    const [a, b] = await Promise.all([worker.bg!.openCrm('https://crm.example.com/contacts/1', true), worker.bg!.openCrm('https://crm.example.com/contacts/2', true)]);
    expect([a, b]).toEqual(['opened', 'opened']);
    expect(await worker.bg!.openCrm('https://crm.example.com/contacts/1', true)).toBe('focused');
    expect(await worker.bg!.openCrm('https://crm.example.com/contacts/2', true)).toBe('focused');
    expect(fake.fakeState.tabs).toHaveLength(2);
  });

  it('a REST failure and a catch-up noted at once both stay in the REST status', async () => {
    const rest = await import('../../../src/background/pbx-rest');
    const { RestError } = await import('../../../src/rest/rest-errors');
    await Promise.all([rest.noteRestFailure(new RestError('network', 'offline')), rest.noteCatchUp(3, null)]);
    const status = await rest.readRestStatus();
    expect(status.reason).toBe('network');
    expect(status.catchUp).toMatchObject({ added: 3, error: null });
  });

  it('two quick settings saves: the newer settings are the ones applied', async () => {
    await boot();
    const local = fake.fakeBrowser.storage.local;
    // Dropping another PBX's host access takes a while (a real browser round trip).
    Object.assign(fake.fakeBrowser.permissions, { getAll: () => new Promise((resolve) => setTimeout(() => resolve({ origins: [] }), 30)) });
    try {
      // The agent moves to another PBX (that handler has the slow step), then at once back, with a new subscriber.
      local.data[LOCAL_KEYS.settings] = settingsWith({ domain: 'other.example.com' });
      const first = worker.bg!.onStorageChanged({ [LOCAL_KEYS.settings]: {} }, 'local');
      await new Promise((resolve) => setTimeout(resolve, 5));
      local.data[LOCAL_KEYS.settings] = settingsWith({ subscriber: '912' });
      const second = worker.bg!.onStorageChanged({ [LOCAL_KEYS.settings]: {} }, 'local');
      await Promise.all([first, second]);
    } finally {
      Reflect.deleteProperty(fake.fakeBrowser.permissions, 'getAll');
    }
    expect(worker.bg!.settings()).toMatchObject({ domain: 'pbx.example.com', subscriber: '912' });
    const url = new URL(sockets.at(-1)!.url);
    expect([url.host, url.searchParams.get('subscriber')]).toEqual(['pbx.example.com', '912']);
  });
});
