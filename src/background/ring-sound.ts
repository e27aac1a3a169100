// Plays the ring sound the way each browser allows in the background. Firefox's background page
// has a DOM, so an Audio element plays there; Chrome's service worker has none, so an offscreen
// document (reason AUDIO_PLAYBACK) plays it and closing the document stops it. Feature-detected.
import { browser } from '../shared/browser-api';

const SOUND = 'sounds/ring.wav';
export const OFFSCREEN_PAGE = 'src/offscreen/ring.html';

/** The parts of chrome.offscreen and runtime.getContexts we use; the polyfill passes them through. */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface ContextsApi {
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

// Only a lock: creating two offscreen documents at once throws, so changes run one after another.
// The truth (is it playing?) is asked of the browser each time, so a restarted worker cannot lose it.
let pending: Promise<void> = Promise.resolve();
let pageAudio: HTMLAudioElement | null = null;

export function setRinging(on: boolean): Promise<void> {
  pending = pending.then(() => apply(on)).catch((error: unknown) => {
    console.warn('CallPop: ring sound', error instanceof Error ? error.message : String(error));
  });
  return pending;
}

async function apply(on: boolean): Promise<void> {
  if (typeof Audio === 'function') return applyInPage(on);
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (offscreen) await applyOffscreen(offscreen, on);
}

function applyInPage(on: boolean): void {
  if (on && !pageAudio) {
    pageAudio = new Audio(browser.runtime.getURL(SOUND));
    pageAudio.loop = true;
    void pageAudio.play().catch(() => undefined); // no audio device: silence is all we can do
  } else if (!on && pageAudio) {
    pageAudio.pause();
    pageAudio = null;
  }
}

async function applyOffscreen(offscreen: OffscreenApi, on: boolean): Promise<void> {
  const open = await offscreenOpen();
  if (on && !open) {
    await offscreen.createDocument({ url: OFFSCREEN_PAGE, reasons: ['AUDIO_PLAYBACK'], justification: 'Ring sound while a call rings' });
  } else if (!on && open) {
    await offscreen.closeDocument();
  }
}

async function offscreenOpen(): Promise<boolean> {
  const runtime = browser.runtime as unknown as ContextsApi;
  if (!runtime.getContexts) return false;
  const contexts = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [browser.runtime.getURL(OFFSCREEN_PAGE)] });
  return contexts.length > 0;
}
