// Chrome's one offscreen document (src/offscreen/offscreen.html): opened for the ring sound and
// for the clipboard, closed when neither needs it. Chrome allows one such document per
// extension and throws on a second createDocument, so every change runs through one queue.
// The truth (is it open?) is asked of the browser each time, so a restarted worker cannot lose it.
import { browser } from '../platform/browser-api';
import { offscreenReplySchema, type OffscreenMessage } from '../platform/offscreen-messages';
import { createSerialQueue } from '../storage/serial-queue';

export const OFFSCREEN_PAGE = 'src/offscreen/offscreen.html';

/** The parts of chrome.offscreen and runtime.getContexts we use; the polyfill passes them through. */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface ContextsApi {
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

/** Feature detection: Chrome has offscreen documents; Firefox's background page has a DOM of its own. */
export function offscreenApi(): OffscreenApi | undefined {
  return (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
}

/** Runs `job` after every earlier offscreen change has finished (one at a time). */
export const inOffscreenQueue = createSerialQueue();

export async function offscreenOpen(): Promise<boolean> {
  const runtime = browser.runtime as unknown as ContextsApi;
  if (!runtime.getContexts) return false;
  const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [browser.runtime.getURL(OFFSCREEN_PAGE)] });
  return contexts.length > 0;
}

/** Call inside the queue. Resolves once the page is loaded and listening; true when it already was open. */
export async function ensureOffscreen(api: OffscreenApi): Promise<boolean> {
  if (await offscreenOpen()) return true;
  await api.createDocument({
    url: OFFSCREEN_PAGE,
    reasons: ['AUDIO_PLAYBACK', 'CLIPBOARD'],
    justification: 'Ring sound while a call rings; copying a caller number from a notification button',
  });
  return false;
}

/** Call inside the queue. */
export async function sendToOffscreen(message: OffscreenMessage): Promise<boolean> {
  const reply = offscreenReplySchema.safeParse(await browser.runtime.sendMessage(message));
  return reply.success && reply.data.ok;
}
