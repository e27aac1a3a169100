// The toolbar badge: what rings here now, else callers still to call back, else missed calls not
// yet seen (a hidden number cannot be called back but was still missed); link trouble first,
// then do-not-disturb (its whole point is that nothing else calls for attention).
import type { CallsState } from './types';

export type BadgeLink = 'connected' | 'disconnected' | 'not-configured';

export interface Badge {
  text: string;
  color: 'ringing' | 'missed' | 'alert' | 'idle' | 'dnd';
  /** Locale key of the tooltip; its text needs no substitutions. */
  titleKey: string;
}

/** Four characters is all a badge shows well. */
function countText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

export interface BadgeOptions {
  /** Do-not-disturb is on: the badge says so instead of counting. */
  dnd?: boolean;
}

export function badgeFor(state: CallsState, link: BadgeLink, options: BadgeOptions = {}): Badge {
  if (link === 'not-configured') return { text: '?', color: 'alert', titleKey: 'badgeTitleNotConfigured' };
  // While disconnected the live calls may be stale, so the link problem is what the agent must see.
  if (link === 'disconnected') return { text: '!', color: 'alert', titleKey: 'badgeTitleDisconnected' };
  if (options.dnd) return { text: 'DND', color: 'dnd', titleKey: 'badgeTitleDnd' };
  const ringing = new Set<string>();
  for (const record of Object.values(state.active)) {
    const here = record.direction === 'incoming' || (record.direction === 'internal' && record.ringsHere);
    if (record.status === 'ringing' && here) ringing.add(record.rootUuid);
  }
  if (ringing.size > 0) return { text: countText(ringing.size), color: 'ringing', titleKey: 'badgeTitleRinging' };
  if (state.callBacks.length > 0) return { text: countText(state.callBacks.length), color: 'missed', titleKey: 'badgeTitleCallBacks' };
  const missed = state.history.filter((record) => record.unseen).length;
  if (missed > 0) return { text: countText(missed), color: 'missed', titleKey: 'badgeTitleMissed' };
  return { text: '', color: 'idle', titleKey: 'badgeTitleIdle' };
}
