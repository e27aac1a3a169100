// The effects room: what the agent sees and hears. Notifications (with the meaning of their
// buttons), CRM tabs a call opens, the badge and the ring sound. It reads the call state and the
// health; it never changes them (the pipeline room does, before it hands effects here).
import type { Health } from '../connection/health';
import type { Settings } from '../settings/settings-schema';
import type { Translate } from '../i18n/i18n-types';
import type { CallsState, Effect, NotificationOp } from '../calls/types';
import { findCall } from '../calls/find-call';
import { notificationButtons, type NotificationButton } from '../calls/notification-buttons';
import { badgeFor } from '../calls/badge';
import { shouldRing } from '../calls/ring-decision';
import { applyNotificationOp } from './notifications-adapter';
import { flushNotificationLog } from './notification-log';
import { flushButtons } from './notification-buttons-store';
import { openCrmLink } from './crm-tabs';
import { applyBadge } from './badge-adapter';
import { setRinging } from './ring-sound';
import { restFeaturesAvailable } from './pbx-rest';

export interface EffectsDeps {
  settings(): Settings;
  t(): Translate;
  /** Do-not-disturb is on now. */
  quiet(): boolean;
  state(): CallsState;
  health(): Health;
}

export interface EffectsRoom {
  /** Carries out one batch's effects, in order, then records what was shown (one write per batch). */
  apply(effects: Effect[]): Promise<void>;
  refreshBadge(): void;
  syncRing(): void;
}

export function createEffectsRoom(deps: EffectsDeps): EffectsRoom {
  // A missed call offers "Call back" (Chrome button 1) only while calling works; else "Copy number".
  const buttonsFor = async (op: NotificationOp): Promise<NotificationButton[]> => {
    if (op.op === 'clear') return [];
    const known = op.call ? findCall(deps.state(), op.call)?.caller : undefined;
    const caller = { url: op.url, unknown: known?.unknown ?? false, number: known?.number ?? null };
    const callBackOffered = op.kind === 'missed' && caller.number !== null && (await restFeaturesAvailable(deps.settings()));
    return notificationButtons({ kind: op.kind, caller, callBackOffered });
  };

  return {
    async apply(effects) {
      for (const effect of effects) {
        if (effect.type === 'notification') await applyNotificationOp(effect.notification, deps.t(), { buttons: await buttonsFor(effect.notification) });
        else await openCrmLink(effect.url, deps.settings().crmAllowList, effect.focused, 'auto').catch(() => 'refused');
      }
      // The bookkeeping of what was shown: one write per batch, after the pop-ups are out.
      if (effects.length > 0) await Promise.all([flushNotificationLog(), flushButtons()]);
    },
    refreshBadge() {
      const h = deps.health();
      const link = h.state === 'connected' ? 'connected' : h.state === 'not-configured' ? 'not-configured' : 'disconnected';
      void applyBadge(badgeFor(deps.state(), link, { dnd: deps.quiet() }), deps.t(), h);
    },
    syncRing() {
      void setRinging(shouldRing(deps.state(), deps.settings().notifications, deps.quiet()));
    },
  };
}
