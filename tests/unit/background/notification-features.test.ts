// The probe's reading of each browser's answers, with the exact messages Chrome 156 and
// Firefox ESR 153 gave for the wrong-typed probes (checked in both browsers for issue 20).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const answers: Record<string, string | null> = {};
const create = vi.fn((_id: string, options: Record<string, unknown>) => {
  const probed = Object.keys(options).find((key) => !['type', 'iconUrl', 'title', 'message'].includes(key))!;
  const message = answers[probed];
  if (message) throw new Error(message);
  return Promise.resolve('created');
});
const clear = vi.fn(() => Promise.resolve(true));
const notifications: Record<string, unknown> = { create, clear };
vi.mock('../../../src/platform/browser-api', () => ({ browser: { notifications } }));

const CHROME = (prop: string, type: string) =>
  `Error in invocation of notifications.create(optional string notificationId, notifications.NotificationOptions options, optional function callback): Error at parameter 'options': Error at property '${prop}': Invalid type: expected ${type}.`;

describe('notificationFeatures', () => {
  beforeEach(() => {
    vi.resetModules();
    create.mockClear();
    clear.mockClear();
  });

  it("reads Chrome's type errors as options it has", async () => {
    Object.assign(answers, { requireInteraction: CHROME('requireInteraction', 'boolean'), buttons: CHROME('buttons', 'array'), contextMessage: CHROME('contextMessage', 'string'), silent: CHROME('silent', 'boolean') });
    notifications.update = () => Promise.resolve(true);
    const { notificationFeatures } = await import('../../../src/background/notification-features');
    expect(notificationFeatures()).toEqual({ buttons: true, requireInteraction: true, contextMessage: true, silent: true, update: true });
    notificationFeatures();
    expect(create).toHaveBeenCalledTimes(4); // once per background life
  });

  it("reads Firefox's answers: no buttons, no requireInteraction, no silent, no update, and its accepted-but-undrawn contextMessage as missing", async () => {
    Object.assign(answers, {
      requireInteraction: 'Type error for parameter options (Unexpected property "requireInteraction") for notifications.create.',
      buttons: 'Type error for parameter options (Property "buttons" is unsupported by Firefox) for notifications.create.',
      contextMessage: 'Type error for parameter options (Error processing contextMessage: Expected string instead of 0) for notifications.create.',
      silent: 'Type error for parameter options (Unexpected property "silent") for notifications.create.',
    });
    delete notifications.update;
    const { notificationFeatures } = await import('../../../src/background/notification-features');
    expect(notificationFeatures()).toEqual({ buttons: false, requireInteraction: false, contextMessage: false, silent: false, update: false });
  });

  it('takes an option whose wrong value was accepted as missing, and clears whatever that showed', async () => {
    Object.assign(answers, { requireInteraction: null, buttons: null, contextMessage: null, silent: null });
    const { notificationFeatures } = await import('../../../src/background/notification-features');
    expect(notificationFeatures().requireInteraction).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(clear).toHaveBeenCalledWith('callpop-feature-probe');
  });
});
