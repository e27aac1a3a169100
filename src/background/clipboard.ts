// Copies text from the background (a notification's "Copy number" button). Only Chrome has
// notification buttons; its service worker has no clipboard, so the offscreen document copies.
// If the document was open for the ring sound it stays open; otherwise it closes again.
import { ensureOffscreen, inOffscreenQueue, offscreenApi, sendToOffscreen } from './offscreen-document';

export function copyText(text: string): Promise<boolean> {
  const api = offscreenApi();
  if (!api) return Promise.resolve(false);
  return inOffscreenQueue(async () => {
    const wasOpen = await ensureOffscreen(api);
    try {
      return await sendToOffscreen({ target: 'offscreen', type: 'copy', text });
    } finally {
      if (!wasOpen) await api.closeDocument();
    }
  });
}
