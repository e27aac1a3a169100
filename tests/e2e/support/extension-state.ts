// Reads what the background keeps in extension storage, from inside the extension (Chromium's
// worker or a Firefox extension page), validated with the same schemas the pages use.
import { healthSchema, type Health } from '../../../src/connection/health';
import { assembleCallsState } from '../../../src/storage/call-state-parse';
import { notificationLogSchema, type NotificationLogEntry } from '../../../src/storage/notification-log-schema';
import { LOCAL_KEYS, SESSION_KEYS } from '../../../src/storage/keys';
import type { CallRecord, CallsState } from '../../../src/calls/types';

/** Anything that can run a function inside the extension with the `browser`/`chrome` API. */
export interface ExtensionContext {
  evalInWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

type Area = 'session' | 'local' | 'sync';

export async function readStorage(ext: ExtensionContext, area: Area, key: string): Promise<unknown> {
  const stored = await ext.evalInWorker(
    async ([a, k]) => {
      // Firefox pages have `browser`; Chromium's worker `chrome` (both promise-based in MV3).
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return api.storage[a].get(k);
    },
    [area, key] as const,
  );
  return (stored as Record<string, unknown>)[key];
}

export async function readHealth(ext: ExtensionContext): Promise<Health | undefined> {
  const parsed = healthSchema.safeParse(await readStorage(ext, 'session', SESSION_KEYS.health));
  return parsed.success ? parsed.data : undefined;
}

export async function readCallsState(ext: ExtensionContext): Promise<CallsState> {
  const [live, shown, history, callBacks] = await Promise.all([
    readStorage(ext, 'session', SESSION_KEYS.callState),
    readStorage(ext, 'session', SESSION_KEYS.shown),
    readStorage(ext, 'local', LOCAL_KEYS.history),
    readStorage(ext, 'local', LOCAL_KEYS.callBacks),
  ]);
  if (live === undefined) throw new Error('the background has not saved its call state yet');
  return assembleCallsState({ live, shown, history, callBacks }).value;
}

/** Every call the background knows, history then live, in the order it first saw them. */
export function allCalls(state: CallsState): CallRecord[] {
  return [...state.history, ...Object.values(state.active)].sort((a, b) => a.seq - b.seq);
}

export async function readNotificationLog(ext: ExtensionContext): Promise<NotificationLogEntry[]> {
  return notificationLogSchema.parse((await readStorage(ext, 'session', SESSION_KEYS.notificationLog)) ?? []);
}

/** Ids of the notifications that exist in the browser right now. */
export async function liveNotificationIds(ext: ExtensionContext): Promise<string[]> {
  const all = await ext.evalInWorker(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return api.notifications.getAll();
  }, null);
  return Object.keys(all).sort();
}

/** Frames the background has handled so far (accepted or rejected; their pop-ups are out): the proof a "nothing happened" check waits for. */
export async function framesHandled(ext: ExtensionContext): Promise<number> {
  const health = await readHealth(ext);
  return health ? health.framesAccepted + health.framesRejected : 0;
}

/** Waits until the background has processed (accepted or rejected) at least `count` frames. */
export async function framesProcessed(ext: ExtensionContext, count: number, waitFor: <T>(probe: () => Promise<T | undefined>, what: string, ms?: number) => Promise<T>, timeoutMs = 15_000): Promise<void> {
  await waitFor(async () => {
    const health = await readHealth(ext);
    return health && health.framesAccepted + health.framesRejected >= count ? true : undefined;
  }, `${count} frames processed`, timeoutMs);
}
