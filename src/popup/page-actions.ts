// What the popup asks of the browser and the background. Components get these through context,
// so tests can watch the messages without a real extension.
import { browser } from '../shared/browser-api';
import type { PageMessage } from '../shared/messages';

export interface PopupActions {
  openCrm(url: string, call: string | null): void;
  copyNumber(number: string): Promise<void>;
  retry(): void;
  clearHistory(): void;
  markMissedSeen(): void;
  openOptions(): void;
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
};
