// "Call <number> via PBX" on selected text and on tel: links, without content scripts: the
// browser hands the selection or the link to the menu click. Firefox tells us before the menu
// opens (menus.onShown), so it can show the number itself; Chrome cannot, so its title is generic.
//
// The page chose that text (a tel: link whose target differs from its text, a hidden span, a
// selection rewritten on `contextmenu`), so a click never dials by itself: it opens a window that
// shows the exact number and waits for the agent's "Call" (issue 16, finding 4). Numbers outside
// the admin's dialPrefixes are refused before anything is asked.
import { browser, type Menus } from '../platform/browser-api';
import type { Translate } from '../i18n/i18n-types';
import { phoneNumberIn } from '../protocol/phone-number';
import { dialAllowed } from '../settings/dial-prefixes';
import type { RestErrorKind } from '../rest/rest-errors';
import { announceCallResult } from './call-back';
import { hasRestPermission, restFeaturesAvailable } from './pbx-rest';
import { addPendingDial } from './pending-dials';
import type { Background } from './start-background';

export const MENU_SELECTION = 'callpop-call-selection';
export const MENU_LINK = 'callpop-call-link';

/** Firefox's menus API: onShown and refresh exist there only (feature detection, not sniffing). */
interface ShownApi {
  onShown?: { addListener(fn: (info: Menus.OnShownInfoType) => void): void };
  refresh?: () => Promise<void>;
}

const menus = (): typeof browser.contextMenus & ShownApi => browser.contextMenus as typeof browser.contextMenus & ShownApi;

/**
 * Creates both items (idempotent: removeAll first, because Chrome keeps menus across worker
 * restarts and create() with a known id fails), visible only while calling is available.
 */
export async function ensureContextMenus(t: Translate, available: boolean): Promise<void> {
  const api = menus();
  if (!api) return;
  await api.removeAll();
  api.create({ id: MENU_SELECTION, contexts: ['selection'], title: t('menuCallSelection'), visible: available });
  // tel: links only; any other link has no number to call.
  api.create({ id: MENU_LINK, contexts: ['link'], targetUrlPatterns: ['tel:*'], title: t('menuCallLink'), visible: available });
}

/** The permission or the REST status changed: show or hide both items. */
export async function setContextMenusVisible(available: boolean): Promise<void> {
  const api = menus();
  if (!api) return;
  await Promise.all([MENU_SELECTION, MENU_LINK].map((id) => Promise.resolve(api.update(id, { visible: available })).catch(() => undefined)));
}

/** What the clicked item is about: the tel: link's target, else the selected text. */
function textOf(info: Pick<Menus.OnClickData, 'menuItemId' | 'linkUrl' | 'selectionText'>): string {
  if (info.menuItemId === MENU_LINK && info.linkUrl) return info.linkUrl;
  return info.selectionText ?? info.linkUrl ?? '';
}

export const CONFIRM_DIAL_PAGE = 'src/dial/confirm-dial.html';

/** Asked: the confirmation window is open; refused: nothing to ask (no number, or outside the policy). */
export type MenuDialResult = { ok: true; asked: true; number: string } | { ok: false; number: string | null; error: RestErrorKind };

/** The menu item was clicked: find the number, then ask the agent before anything is dialled. */
export async function handleContextMenuClick(
  bg: Background,
  info: Pick<Menus.OnClickData, 'menuItemId' | 'linkUrl' | 'selectionText'>,
): Promise<MenuDialResult | null> {
  if (info.menuItemId !== MENU_SELECTION && info.menuItemId !== MENU_LINK) return null;
  const number = phoneNumberIn(textOf(info));
  if (!number) {
    const result = { ok: false, number: null, error: 'invalid-number' } as const;
    await announceCallResult(result, bg.t);
    return result;
  }
  const settings = bg.settings();
  if (!dialAllowed(number, settings.dialPrefixes)) {
    await announceDialRefused(number, settings.dialPrefixes, bg.t);
    return { ok: false, number, error: 'dial-refused' };
  }
  // Never ask the agent to confirm a call that cannot be made.
  if (!(await hasRestPermission(settings))) {
    const result = { ok: false, number, error: 'no-permission' } as const;
    await announceCallResult(result, bg.t);
    return result;
  }
  const token = await addPendingDial(number);
  await browser.windows.create({ url: `${browser.runtime.getURL(CONFIRM_DIAL_PAGE)}#${token}`, type: 'popup', width: 460, height: 320, focused: true });
  return { ok: true, asked: true, number };
}

/** "Not called: +882…" and which prefixes the admin allows. */
async function announceDialRefused(number: string, prefixes: readonly string[], t: Translate): Promise<void> {
  await browser.notifications
    .create(`dial:${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t('dialFailedTitle', [number]),
      message: t('dialRefusedPrefixes', [prefixes.join(', ')]),
    })
    .catch(() => undefined);
}

/** Firefox: put the number itself in the title, or hide the item when the text holds none. */
export async function handleMenuShown(bg: Background, info: Menus.OnShownInfoType): Promise<void> {
  const api = menus();
  const ours = info.menuIds.filter((id: string | number) => id === MENU_SELECTION || id === MENU_LINK);
  if (ours.length === 0 || typeof api.refresh !== 'function') return;
  // Hidden for a reason (no permission, undocumented answers): a number in the text does not change that.
  if (!(await restFeaturesAvailable(bg.settings()))) return;
  for (const id of ours) {
    const number = phoneNumberIn(id === MENU_LINK ? (info.linkUrl ?? '') : (info.selectionText ?? ''));
    await Promise.resolve(
      api.update(id, number ? { visible: true, title: bg.t('menuCallNumber', [number]) } : { visible: false }),
    ).catch(() => undefined);
  }
  await api.refresh();
}

export function contextMenuOnShown(): ShownApi['onShown'] {
  return menus()?.onShown;
}
