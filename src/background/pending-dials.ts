// Numbers a page asked to call, waiting for the agent's "Call" in the confirmation window.
// In session storage (a stopped worker must still know them; they never outlive the browser),
// by a random token the window carries: the window can only confirm what the background stored,
// never name a number of its own.
import * as z from 'zod/mini';
import { browser } from '../shared/browser-api';

const PENDING_KEY = 'callpop.pendingDials';
/** An unanswered request is dropped after this: a window found later dials nothing. */
export const PENDING_DIAL_TTL_MS = 2 * 60_000;
const MAX_PENDING = 10;

const pendingSchema = z.record(z.string(), z.object({ number: z.string(), at: z.number() }));
type Pending = z.infer<typeof pendingSchema>;

async function readPending(now: number): Promise<Pending> {
  const parsed = pendingSchema.safeParse((await browser.storage.session.get(PENDING_KEY))[PENDING_KEY]);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, entry]) => now - entry.at >= 0 && now - entry.at < PENDING_DIAL_TTL_MS));
}

export async function addPendingDial(number: string, now = Date.now()): Promise<string> {
  const token = crypto.randomUUID();
  const entries = Object.entries({ ...(await readPending(now)), [token]: { number, at: now } }).slice(-MAX_PENDING);
  await browser.storage.session.set({ [PENDING_KEY]: Object.fromEntries(entries) });
  return token;
}

/** The number waiting under `token`, or null when there is none (expired, answered, made up). */
export async function peekPendingDial(token: string, now = Date.now()): Promise<string | null> {
  const pending = await readPending(now);
  return Object.hasOwn(pending, token) ? (pending[token]?.number ?? null) : null;
}

/** Removes the request and returns its number: one confirmation dials once. */
export async function takePendingDial(token: string, now = Date.now()): Promise<string | null> {
  const pending = await readPending(now);
  if (!Object.hasOwn(pending, token)) return null;
  const number = pending[token]?.number ?? null;
  delete pending[token];
  await browser.storage.session.set({ [PENDING_KEY]: pending });
  return number;
}
