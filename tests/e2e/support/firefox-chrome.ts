// Reaches into Firefox's own (chrome) windows over WebDriver BiDi: the alert windows Firefox draws
// for notifications (alerts.useSystemBackend=false) and the browser console. Needs a Firefox
// launched with `systemAccess: true` (--remote-allow-system-access). This is how a test sees what
// the agent sees in Firefox, and clicks or closes a notification the way the agent would.
import * as z from 'zod/mini';
import type { FirefoxExtension } from './firefox';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

const treeSchema = z.object({ contexts: z.array(z.object({ context: z.string(), url: z.string() })) });
const evaluateSchema = z.object({
  type: z.string(),
  result: z.optional(z.object({ type: z.string(), value: z.optional(z.unknown()) })),
  exceptionDetails: z.optional(z.object({ text: z.string() })),
});

function connectionOf(ff: FirefoxExtension): BidiConnection {
  // puppeteer-core's BiDi browser keeps its connection on an internal field.
  const connection = (ff.browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('no BiDi connection on this puppeteer Browser');
  return connection;
}

/** Runs `expression` (it must evaluate to a JSON string) in the browser window's privileged scope. */
export async function evalInChrome(ff: FirefoxExtension, expression: string): Promise<unknown> {
  const connection = connectionOf(ff);
  const tree = treeSchema.parse((await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result);
  const main = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'));
  if (!main) throw new Error('no chrome window: was Firefox launched with systemAccess?');
  const answer = evaluateSchema.parse((await connection.send('script.evaluate', { expression, target: { context: main.context }, awaitPromise: true })).result);
  if (answer.type !== 'success' || answer.result?.type !== 'string') throw new Error(`chrome evaluation failed: ${answer.exceptionDetails?.text ?? JSON.stringify(answer)}`);
  return JSON.parse(String(answer.result.value)) as unknown;
}

const alertSchema = z.array(z.object({ title: z.string(), body: z.string(), fullBody: z.string() }));
export type AlertWindow = z.infer<typeof alertSchema>[number];

/** Firefox's alert windows on screen now: the title and the body exactly as drawn. */
export async function alertWindows(ff: FirefoxExtension): Promise<AlertWindow[]> {
  return alertSchema.parse(
    await evalInChrome(
      ff,
      `JSON.stringify([...Services.wm.getEnumerator('alert:alert')].filter((w) => !w.closed).map((w) => {
        const d = w.document;
        const label = d.getElementById('alertTextLabel');
        return { title: d.getElementById('alertTitleLabel').getAttribute('value') ?? '', body: label.textContent ?? '', fullBody: label.getAttribute('tooltiptext') ?? label.textContent ?? '' };
      }))`,
    ),
  );
}

/** Does to the alert whose title is `title` what the agent's click (or the ✕ button) does. */
export async function actOnAlert(ff: FirefoxExtension, title: string, action: 'click' | 'close'): Promise<void> {
  const done = await evalInChrome(
    ff,
    `(() => {
      const w = [...Services.wm.getEnumerator('alert:alert')].find((x) => !x.closed && x.document.getElementById('alertTitleLabel').getAttribute('value') === ${JSON.stringify(title)});
      if (!w) return JSON.stringify(false);
      if (${JSON.stringify(action)} === 'click') w.onAlertClick(); else w.onAlertClose();
      return JSON.stringify(true);
    })()`,
  );
  if (done !== true) throw new Error(`no alert window titled ${title}`);
}

/** Messages in the browser console (warnings and errors included) that mention `needle`. */
export async function consoleMessages(ff: FirefoxExtension, needle: string): Promise<string[]> {
  return z.array(z.string()).parse(
    await evalInChrome(ff, `JSON.stringify(Services.console.getMessageArray().map((m) => String(m)).filter((m) => m.includes(${JSON.stringify(needle)})))`),
  );
}

/** Accepts the permission prompt Firefox shows for permissions.request() (what the agent's "Allow" does). */
export async function acceptPermissionPrompt(ff: FirefoxExtension): Promise<boolean> {
  return z.boolean().parse(
    await evalInChrome(
      ff,
      `(() => {
        const notification = PopupNotifications.getNotification('addon-webext-permissions');
        if (!notification) return JSON.stringify(false);
        const element = document.getElementById('addon-webext-permissions-notification');
        // The panel's "Allow" button once drawn; before that (a headless panel may never be), its action.
        if (element?.button) element.button.click();
        else {
          notification.mainAction.callback({});
          notification.remove();
        }
        return JSON.stringify(true);
      })()`,
    ),
  );
}

/** Labels of the items in the page's context menu, once Firefox has it open. */
export async function openContextMenuLabels(ff: FirefoxExtension): Promise<string[] | null> {
  return z.nullable(z.array(z.string())).parse(
    await evalInChrome(
      ff,
      `(() => {
        const menu = document.getElementById('contentAreaContextMenu');
        if (!menu || menu.state !== 'open') return JSON.stringify(null);
        return JSON.stringify([...menu.querySelectorAll('menuitem')].filter((m) => m.id.includes('menuitem-_callpop') || (m.getAttribute('label') ?? '').includes('PBX')).map((m) => (m.hidden ? 'hidden:' : '') + (m.getAttribute('label') ?? '')));
      })()`,
    ),
  );
}

/** Chooses the open context menu's item labelled `label`, as the agent's click does, and closes the menu. */
export async function chooseContextMenuItem(ff: FirefoxExtension, label: string): Promise<void> {
  const done = await evalInChrome(
    ff,
    `(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')].find((m) => m.getAttribute('label') === ${JSON.stringify(label)});
      if (!item) return JSON.stringify(false);
      item.doCommand();
      menu.hidePopup();
      return JSON.stringify(true);
    })()`,
  );
  if (done !== true) throw new Error(`no context menu item ${label}`);
}

/** The system clipboard's text, read the way a paste would. */
export async function clipboardText(ff: FirefoxExtension): Promise<string> {
  return z.string().parse(
    await evalInChrome(
      ff,
      `(() => {
        const transferable = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        transferable.init(null);
        transferable.addDataFlavor('text/plain');
        Services.clipboard.getData(transferable, Services.clipboard.kGlobalClipboard);
        const out = {};
        try { transferable.getTransferData('text/plain', out); } catch { return JSON.stringify(''); }
        return JSON.stringify(out.value.QueryInterface(Ci.nsISupportsString).data);
      })()`,
    ),
  );
}

/** Opens a tab at `url` from Firefox itself (BiDi may not navigate to moz-extension: pages). */
export async function openTabFromChrome(ff: FirefoxExtension, url: string): Promise<void> {
  await evalInChrome(ff, `(gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }), JSON.stringify(true))`);
}
