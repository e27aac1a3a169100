// Commands from the extension's own pages, validated with zod on arrival.
import { browser, type Runtime } from '../platform/browser-api';
import { pageMessageSchema, type PageReply } from '../platform/messages';
import { markMissedSeen, clearHistory, clearMissedNotifications } from '../calls/seen-and-clear';
import type { Background } from './start-background';
import { announceCallResult, callNumber } from './call-back';
import { peekPendingDial, takePendingDial } from './pending-dials';
import { callCarriesLink } from '../calls/call-links';
import { readManagedSettings } from '../storage/settings-store';
import { readEffectiveSettings } from '../storage/settings-store';
import { buildConnectionUrl } from '../settings/connection-url';
import { testConnection } from '../connection/connection-test';

const CONNECTION_FIELDS = ['domain', 'apiKey', 'subscriber', 'urlTemplate'] as const;
import { dismissCallBack } from '../calls/call-backs';
import { setCallNote } from '../calls/set-call-note';

/** Only our own pages: a web page or another extension never gets here with a valid sender. */
export function isFromThisExtension(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  // The extension's base URL ends in "/", so "chrome-extension://<id>.evil/…" cannot match it.
  // (A plain prefix, not URL.origin: an engine without this scheme's rules says "null" for every origin.)
  const base = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

export async function handlePageMessage(bg: Background, raw: unknown): Promise<PageReply> {
  const parsed = pageMessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'unknown message' };
  const message = parsed.data;
  switch (message.type) {
    case 'reconnect':
      bg.connection.retryNow();
      return { ok: true };
    case 'retry-keep-alive-frames':
      bg.connection.resetKeepAlive();
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
      // Only a link the named call carries: a page cannot make the background open any address.
      if (message.call === null || !callCarriesLink(bg.pipeline.getState(), message.call, message.url)) return { ok: false, error: 'invalid-link' };
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
    case 'dial-pending': {
      const number = await peekPendingDial(message.token);
      return number === null ? { ok: false, error: 'expired' } : { ok: true, number };
    }
    case 'dial-confirm': {
      // The number the background stored when the page asked: the window cannot name another.
      const number = await takePendingDial(message.token);
      if (number === null) return { ok: false, error: 'expired' };
      const result = await callNumber(bg.settings(), number);
      await announceCallResult(result, bg.t);
      return result.ok ? { ok: true, number } : { ok: false, number, error: result.error };
    }
    case 'dial-cancel':
      await takePendingDial(message.token);
      return { ok: true };
    case 'policy-key':
      const managed = await readManagedSettings();
      return { ok: true, policyKey: managed.layer.apiKey !== undefined, policyKeyIgnored: managed.invalid.includes('apiKey') };
    case 'test-connection': {
      const { settings, locked } = await readEffectiveSettings();
      const fields = { domain: message.domain, apiKey: message.apiKey, subscriber: message.subscriber, urlTemplate: message.urlTemplate };
      // What a policy sets is the policy's, whatever the page sent (it never had the policy key).
      for (const key of CONNECTION_FIELDS) if (locked.includes(key)) fields[key] = settings[key];
      const built = buildConnectionUrl(fields);
      if (!built.ok) return { ok: false, error: built.error };
      return { ok: true, report: await testConnection(built.url) };
    }
  }
}
