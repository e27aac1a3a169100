// Opens a CRM link in a tab, focusing the tab we already opened for that link instead of
// opening another. We remember our own tabs rather than asking for the "tabs" permission
// (which would show agents a "read your browsing history" warning just to match URLs).
import { browser } from '../shared/browser-api';
import { crmLinkOrNull, type OpenMode } from '../shared/crm-link';

const OPENED_KEY = 'callpop.crmTabs';
const MAX_REMEMBERED = 50;

type Opened = Record<string, number>;

async function readOpened(): Promise<Opened> {
  const stored = (await browser.storage.session.get(OPENED_KEY))[OPENED_KEY];
  if (!stored || typeof stored !== 'object') return {};
  const out: Opened = {};
  for (const [url, id] of Object.entries(stored as Record<string, unknown>)) if (typeof id === 'number') out[url] = id;
  return out;
}

export type OpenResult = 'opened' | 'focused' | 'refused';

export async function openCrmLink(raw: string, allowList: readonly string[], focused: boolean, mode: OpenMode = 'click'): Promise<OpenResult> {
  const url = crmLinkOrNull(raw, allowList, mode);
  if (!url) return 'refused';
  const opened = await readOpened();
  const known = opened[url];
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
  const entries = Object.entries({ ...opened, [url]: tab.id ?? -1 }).slice(-MAX_REMEMBERED);
  await browser.storage.session.set({ [OPENED_KEY]: Object.fromEntries(entries) });
  return 'opened';
}
