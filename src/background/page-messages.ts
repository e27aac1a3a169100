// Commands from the extension's own pages, validated with zod on arrival.
import { browser, type Runtime } from '../shared/browser-api';
import { pageMessageSchema, type PageReply } from '../shared/messages';
import { markMissedSeen, clearHistory, clearMissedNotifications } from '../calls/seen-and-clear';
import type { Background } from './start-background';
import { callNumber } from './call-back';
import { dismissCallBack } from '../calls/call-backs';
import { setCallNote } from '../calls/set-call-note';

/** Only our own pages: a web page or another extension never gets here with a valid sender. */
export function isFromThisExtension(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const origin = new URL(browser.runtime.getURL('/')).origin;
  return typeof sender.url === 'string' && sender.url.startsWith(origin);
}

export async function handlePageMessage(bg: Background, raw: unknown): Promise<PageReply> {
  const parsed = pageMessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'unknown message' };
  const message = parsed.data;
  switch (message.type) {
    case 'reconnect':
      bg.connection.retryNow();
      return { ok: true };
    case 'mark-missed-seen':
      await bg.pipeline.mutate((state) => {
        const ops = clearMissedNotifications(state);
        markMissedSeen(state);
        return ops.map((notification) => ({ type: 'notification' as const, notification }));
      }, true);
      return { ok: true };
    case 'clear-history':
      await bg.pipeline.mutate((state) => void clearHistory(state), true);
      return { ok: true };
    case 'open-crm': {
      const result = await bg.openCrm(message.url, true);
      return result === 'refused' ? { ok: false, error: 'invalid-link' } : { ok: true };
    }
    case 'dismiss-call-back':
      await bg.pipeline.mutate((state) => void dismissCallBack(state, message.key), false);
      return { ok: true };
    case 'set-note': {
      let found = false;
      await bg.pipeline.mutate((state) => {
        found = setCallNote(state, message.call, message.note);
      }, true);
      return found ? { ok: true } : { ok: false, error: 'not-found' };
    }
    case 'call-back': {
      const result = await callNumber(bg.settings(), message.number);
      return result.ok ? { ok: true } : { ok: false, error: result.error };
    }
  }
}
