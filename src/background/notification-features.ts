// Which notification options this browser draws, found out once per background start by asking
// the browser, never by its name. Every notification the adapter makes, and whether the button
// listener is registered at all, follows this one record.
//
// Each probe calls notifications.create with a value of the wrong type for the option, so no
// browser can show anything. A browser that knows the option rejects the value ("Invalid type:
// expected boolean", Chrome); one that does not rejects the option itself ('Unexpected property
// "silent"', 'Property "buttons" is unsupported by Firefox'). Both browsers check arguments
// synchronously, so the answer is there before the first listener is registered.
import { browser } from '../platform/browser-api';
import type { NotificationFeatures } from '../calls/notification-body';

const PROBE_ID = 'callpop-feature-probe';
const OPTION_MISSING = /unexpected property|unsupported/i;

type Probe = 'requireInteraction' | 'buttons' | 'contextMessage' | 'silent';
const WRONG_VALUE: Record<Probe, unknown> = { requireInteraction: 'probe', buttons: 'probe', contextMessage: 0, silent: 'probe' };

function optionKnown(option: Probe): boolean {
  const api = browser.notifications as unknown as { create(id: string, options: object): Promise<string> };
  try {
    const pending = api.create(PROBE_ID, { type: 'basic', iconUrl: '', title: '', message: '', [option]: WRONG_VALUE[option] });
    // Taken as missing: a browser that accepted a wrong value may have shown something; take it away.
    void Promise.resolve(pending).then(
      () => browser.notifications.clear(PROBE_ID),
      () => undefined,
    );
    return false;
  } catch (error) {
    return !OPTION_MISSING.test(error instanceof Error ? error.message : String(error));
  }
}

function detect(): NotificationFeatures {
  const buttons = optionKnown('buttons');
  return {
    buttons,
    requireInteraction: optionKnown('requireInteraction'),
    // Firefox accepts contextMessage and never draws it (its alert shows title and body only), so
    // the API cannot tell; the line is trusted to the context slot only where the browser has
    // Chrome's rich templates, which the buttons option proves.
    contextMessage: buttons && optionKnown('contextMessage'),
    silent: optionKnown('silent'),
    // Firefox's schema leaves the function out altogether.
    update: typeof (browser.notifications as { update?: unknown }).update === 'function',
  };
}

let detected: NotificationFeatures | null = null;

/** The browser's notification features, probed on the first call of this background's life. */
export function notificationFeatures(): NotificationFeatures {
  return (detected ??= detect());
}
