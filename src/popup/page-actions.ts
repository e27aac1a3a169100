// What the popup asks of the browser and the background. Components get these through context,
// so tests can watch the messages without a real extension.
import { browser } from '../platform/browser-api';
import { pageReplySchema, type PageMessage } from '../platform/messages';
import { isRestErrorKind, type RestErrorKind } from '../rest/rest-errors';

export interface PopupActions {
  openCrm(url: string, call: string | null): void;
  copyNumber(number: string): Promise<void>;
  retry(): void;
  clearHistory(): void;
  markMissedSeen(): void;
  openOptions(): void;
  /** Asks the PBX to ring the agent's phone, then the number: null once the PBX took it, else what went wrong. */
  callBack(number: string): Promise<RestErrorKind | null>;
}

// The popup cannot do anything useful when the worker is unreachable; the next open retries.
function send(message: PageMessage): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export const browserPopupActions: PopupActions = {
  openCrm: (url, call) => send({ type: 'open-crm', url, call }),
  copyNumber: (number) => navigator.clipboard.writeText(number),
  retry: () => send({ type: 'reconnect' }),
  clearHistory: () => send({ type: 'clear-history' }),
  markMissedSeen: () => send({ type: 'mark-missed-seen' }),
  openOptions: () => {
    browser.runtime.openOptionsPage().catch(() => undefined);
  },
  async callBack(number) {
    const message: PageMessage = { type: 'call-back', number };
    // The reply is checked like any message between contexts: no reply or an unknown one is a network failure.
    const reply = pageReplySchema.safeParse(await browser.runtime.sendMessage(message).catch(() => undefined));
    if (!reply.success) return 'network';
    if (reply.data.ok) return null;
    return isRestErrorKind(reply.data.error) ? reply.data.error : 'network';
  },
};
