// Numbers a page asked to call, waiting for the agent's "Call" in the confirmation window.
// In session storage (a stopped worker must still know them; they never outlive the browser),
// by a random token the window carries: the window can only confirm what the background stored,
// never name a number of its own.
import { pendingDialsItem } from '../storage/background-items';

/** An unanswered request is dropped after this: a window found later dials nothing. */
export const PENDING_DIAL_TTL_MS = 2 * 60_000;
const MAX_PENDING = 10;

type Pending = Record<string, { number: string; at: number }>;

const fresh = (pending: Pending, now: number): Pending =>
  Object.fromEntries(Object.entries(pending).filter(([, entry]) => now - entry.at >= 0 && now - entry.at < PENDING_DIAL_TTL_MS));

async function readPending(now: number): Promise<Pending> {
  return fresh(await pendingDialsItem.get(), now);
}

export async function addPendingDial(number: string, now = Date.now()): Promise<string> {
  const token = crypto.randomUUID();
  await pendingDialsItem.update((pending) => Object.fromEntries(Object.entries({ ...fresh(pending, now), [token]: { number, at: now } }).slice(-MAX_PENDING)));
  return token;
}

/** The number waiting under `token`, or null when there is none (expired, answered, made up). */
export async function peekPendingDial(token: string, now = Date.now()): Promise<string | null> {
  const pending = await readPending(now);
  return Object.hasOwn(pending, token) ? (pending[token]?.number ?? null) : null;
}

/** Removes the request and returns its number: one confirmation dials once. */
export async function takePendingDial(token: string, now = Date.now()): Promise<string | null> {
  // In the item's queue: two confirmations of one token cannot both take it.
  let number: string | null = null;
  await pendingDialsItem.update((stored) => {
    const pending = fresh(stored, now);
    if (!Object.hasOwn(pending, token)) return pending;
    number = pending[token]?.number ?? null;
    delete pending[token];
    return pending;
  });
  return number;
}
