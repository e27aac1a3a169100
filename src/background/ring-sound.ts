// Plays the ring sound the way each browser allows in the background. Firefox's background page
// has a DOM, so an Audio element plays there; Chrome's service worker has none, so the offscreen
// document plays it, and is closed when the ring stops. Feature-detected.
import { browser } from '../platform/browser-api';
import { ensureOffscreen, inOffscreenQueue, offscreenApi, offscreenOpen, sendToOffscreen } from './offscreen-document';

const SOUND = 'sounds/ring.wav';

let pageAudio: HTMLAudioElement | null = null;
/** The document was told to ring (this worker's life only): every state change asks again, one message is enough. */
let toldToRing = false;

export function setRinging(on: boolean): Promise<void> {
  return inOffscreenQueue(() => apply(on)).catch((error: unknown) => {
    console.warn('CallPop: ring sound', error instanceof Error ? error.message : String(error));
  });
}

async function apply(on: boolean): Promise<void> {
  if (typeof Audio === 'function') return applyInPage(on);
  const api = offscreenApi();
  if (!api) return;
  if (on) {
    const wasOpen = await ensureOffscreen(api);
    if (wasOpen && toldToRing) return;
    toldToRing = await sendToOffscreen({ target: 'offscreen', type: 'ring', on: true });
  } else if (await offscreenOpen()) {
    // Nothing else keeps the document open: copying opens and closes it within one queue turn.
    toldToRing = false;
    await api.closeDocument();
  }
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
