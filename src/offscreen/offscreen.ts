// Chrome's offscreen document: a service worker has neither Audio nor a clipboard, so the
// background opens this page to ring while a call rings and to copy a number from a
// notification button, and closes it when neither is needed.
// https://developer.chrome.com/docs/extensions/reference/api/offscreen
import { browser, type Runtime } from '../platform/browser-api';
import { offscreenMessageSchema, type OffscreenReply } from '../platform/offscreen-messages';

const audio = new Audio('/sounds/ring.wav');
audio.loop = true;

function ring(on: boolean): OffscreenReply {
  if (on) {
    audio.play().catch((error: unknown) => {
      // No audio device (a headless CI machine) or a blocked autoplay: nothing to do but say so.
      console.warn('CallPop: ring sound failed', error instanceof Error ? error.message : String(error));
    });
  } else {
    audio.pause();
    audio.currentTime = 0;
  }
  return { ok: true };
}

/** navigator.clipboard needs a focused document, which this never is; a selected textarea and the copy command do not. */
function copy(text: string): OffscreenReply {
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return { ok };
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const parsed = offscreenMessageSchema.safeParse(message);
  // Pages' messages to the background reach this page too: not ours, so no reply.
  if (!parsed.success || sender.id !== browser.runtime.id) return undefined;
  const request = parsed.data;
  return Promise.resolve(request.type === 'ring' ? ring(request.on) : copy(request.text));
});
