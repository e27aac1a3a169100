// Opens a CRM link in a tab, focusing the tab we already opened for that link instead of
// opening another. We remember our own tabs rather than asking for the "tabs" permission
// (which would show agents a "read your browsing history" warning just to match URLs).
import { browser } from '../platform/browser-api';
import { crmTabsItem } from '../storage/background-items';
import { crmLinkOrNull, type OpenMode } from '../protocol/crm-link';

const MAX_REMEMBERED = 50;

export type OpenResult = 'opened' | 'focused' | 'refused';

export async function openCrmLink(raw: string, allowList: readonly string[], focused: boolean, mode: OpenMode = 'click'): Promise<OpenResult> {
  const url = crmLinkOrNull(raw, allowList, mode);
  if (!url) return 'refused';
  const known = (await crmTabsItem.get())[url];
  if (known !== undefined) {
    try {
      const tab = await browser.tabs.update(known, { active: true });
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
      return 'focused';
    } catch {
      // The agent closed that tab: open a new one.
    }
  }
  const tab = await browser.tabs.create({ url, active: focused });
  // Read-modify-write in the item's queue: two CRM opens at once both stay remembered.
  await crmTabsItem.update((opened) => Object.fromEntries(Object.entries({ ...opened, [url]: tab.id ?? -1 }).slice(-MAX_REMEMBERED)));
  return 'opened';
}
