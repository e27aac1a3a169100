// Shows the core's badge decision on the toolbar icon.
import { browser } from '../platform/browser-api';
import type { Health } from '../connection/health';
import type { Translate } from '../i18n/i18n-types';
import type { badgeFor } from '../calls/badge';

const COLORS = { ringing: '#1b7f3b', missed: '#c62828', alert: '#6d4c00', idle: '#1565c0', dnd: '#5f6368' } as const;

let lastApplied = '';

export async function applyBadge(badge: ReturnType<typeof badgeFor>, t: Translate, health: Health): Promise<void> {
  const title = [t('extName'), t(badge.titleKey), health.displayUrl ? '' : ''].filter(Boolean).join(' — ');
  const key = `${badge.text}|${badge.color}|${title}`;
  if (key === lastApplied) return; // a flood of frames must not become a flood of badge calls
  lastApplied = key;
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: COLORS[badge.color] }),
    browser.action.setTitle({ title }),
  ]).catch(() => undefined);
}
