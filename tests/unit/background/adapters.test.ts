// The background's adapters on the one fake browser: the notifications adapter (what the browser
// is asked, what is remembered and logged), the button store across a worker restart, and the
// catch-up's record of a gap. Fresh modules per test, as each worker life has its own memory.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../support/fake-browser';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';
import type { NotificationOp } from '../../../src/calls/types';
import { INITIAL_HEALTH, type Health } from '../../../src/connection/health';

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

const t = (key: string) => `«${key}»`;
const op = (overrides: Partial<NotificationOp> = {}): NotificationOp => ({
  op: 'create',
  id: 'call:a',
  call: 'a',
  kind: 'incoming',
  title: 'Olena Koval',
  message: 'Sonyakh LLC · +380671234567',
  context: 'Main line',
  url: 'https://crm.example.com/contacts/29',
  ...overrides,
});

beforeAll(async () => {
  await import('../../../src/platform/browser-api');
});
beforeEach(() => {
  vi.resetModules();
  fake.resetFakeBrowser();
});

describe('notifications adapter', () => {
  it('creates with the options this browser draws, remembers the buttons and logs the op once flushed', async () => {
    const { applyNotificationOp } = await import('../../../src/background/notifications-adapter');
    const { flushNotificationLog } = await import('../../../src/background/notification-log');
    const { flushButtons, buttonAt } = await import('../../../src/background/notification-buttons-store');
    await applyNotificationOp(op(), t, { buttons: ['open-crm', 'copy-number'] });
    const shown = fake.fakeState.notifications['call:a'];
    expect(shown).toMatchObject({ title: 'Olena Koval', message: 'Sonyakh LLC · +380671234567', contextMessage: 'Main line', requireInteraction: true });
    expect(shown?.buttons).toEqual([{ title: '«notifButtonOpen»' }, { title: '«notifButtonCopyNumber»' }]);
    expect(await buttonAt('call:a', 1)).toBe('copy-number');
    await Promise.all([flushNotificationLog(), flushButtons()]);
    const log = fake.fakeBrowser.storage.session.data[SESSION_KEYS.notificationLog] as Array<{ op: string; id: string; seq: number }>;
    expect(log.map((entry) => [entry.op, entry.id, entry.seq])).toEqual([['create', 'call:a', 1]]);
  });

  it('a clear takes the notification away and forgets its buttons', async () => {
    const { applyNotificationOp } = await import('../../../src/background/notifications-adapter');
    const { flushButtons, buttonAt } = await import('../../../src/background/notification-buttons-store');
    await applyNotificationOp(op(), t, { buttons: ['open-crm'] });
    await flushButtons();
    await applyNotificationOp(op({ op: 'clear' }), t);
    await flushButtons();
    expect(fake.fakeState.notifications['call:a']).toBeUndefined();
    expect(await buttonAt('call:a', 0)).toBeNull();
    expect(fake.fakeBrowser.storage.session.data[SESSION_KEYS.notificationButtons]).toEqual([]);
  });

  it('a browser that refuses the notification does not stop the pipeline', async () => {
    const { applyNotificationOp } = await import('../../../src/background/notifications-adapter');
    const create = fake.fakeBrowser.notifications.create;
    Object.assign(fake.fakeBrowser.notifications, { create: async () => Promise.reject(new Error('notifications are off')) });
    try {
      await expect(applyNotificationOp(op(), t)).resolves.toBeUndefined();
    } finally {
      Object.assign(fake.fakeBrowser.notifications, { create });
    }
  });
});

describe('button store', () => {
  it('a restarted worker still knows what each button of a shown notification means', async () => {
    const store = await import('../../../src/background/notification-buttons-store');
    store.rememberButtons('missed:m', ['open-crm', 'call-back']);
    await store.flushButtons();
    vi.resetModules(); // the worker stops; session storage stays
    const restarted = await import('../../../src/background/notification-buttons-store');
    expect(await restarted.buttonAt('missed:m', 1)).toBe('call-back');
    expect(await restarted.buttonAt('missed:m', 2)).toBeNull();
    expect(await restarted.buttonAt('call:unknown', 0)).toBeNull();
  });
});

describe('catch-up', () => {
  const health = (state: Health['state']): Health => ({ ...INITIAL_HEALTH, state });

  it('remembers when the connection was lost, across a worker restart, and asks nothing without REST access', async () => {
    const { createCatchUp } = await import('../../../src/background/catch-up');
    const { DEFAULT_SETTINGS } = await import('../../../src/settings/settings-schema');
    const deps = { settings: () => ({ ...DEFAULT_SETTINGS, domain: 'pbx.example.com', apiKey: 'k', subscriber: '911' }), config: () => { throw new Error('not reached'); }, pipeline: null as never, now: () => 1_000_000 };
    const first = createCatchUp(deps, 'connected');
    await first.onHealth(health('reconnecting'));
    expect(fake.fakeBrowser.storage.session.data[SESSION_KEYS.catchUpGap]).toEqual({ downSince: 1_000_000 });

    vi.resetModules();
    const { createCatchUp: again } = await import('../../../src/background/catch-up');
    const second = again(deps, 'reconnecting');
    await second.onHealth(health('connected'));
    // The gap is used once; without host access the catch-up says why in the REST status.
    expect(fake.fakeBrowser.storage.session.data[SESSION_KEYS.catchUpGap]).toBeUndefined();
    expect(fake.fakeBrowser.storage.local.data[LOCAL_KEYS.restStatus]).toMatchObject({ catchUp: { added: 0, error: 'no-permission-or-unavailable' } });
  });
});
