// The header's connection line: health in words, and which buttons make sense in that state.
import type { Health } from '../connection/health';
import type { Translate } from '../i18n/i18n-types';
import { looksUnreachable } from '../connection/reconnect-policy';

export type HealthTone = 'ok' | 'pending' | 'problem' | 'idle';

export interface HealthView {
  tone: HealthTone;
  text: string;
  /** Settings must change before this can work: offer the options page. */
  needsOptions: boolean;
  /** A "Retry now" button helps (waiting for a retry, or stopped). */
  canRetry: boolean;
  /** Epoch ms of the next attempt, so the header can count down by itself; null otherwise. */
  retryAt: number | null;
  /** Said before the countdown (the PBX cannot be reached), or ''. */
  lead: string;
}

const STOP_REASON_KEYS: Record<NonNullable<Health['stopReason']>, string> = {
  refused: 'popupStopRefused',
  'invalid-settings': 'popupStopInvalidSettings',
  'insecure-url': 'popupStopInsecureUrl',
  'pbx-error': 'popupStopPbxError',
};

/** Whole seconds until `retryAt`, never negative. */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(0, Math.ceil((retryAt - now) / 1000));
}

export function reconnectingText(retryAt: number | null, now: number, t: Translate, lead = ''): string {
  const countdown = retryAt === null ? t('popupHealthReconnecting') : t('popupHealthReconnectingIn', [String(secondsUntil(retryAt, now))]);
  return lead === '' ? countdown : `${lead} ${countdown}`;
}

export function healthView(health: Health, now: number, t: Translate): HealthView {
  const base = { needsOptions: false, canRetry: false, retryAt: null, lead: '' };
  switch (health.state) {
    case 'connected':
      return { ...base, tone: 'ok', text: t('popupHealthConnected') };
    case 'connecting':
      return { ...base, tone: 'pending', text: t('popupHealthConnecting') };
    case 'reconnecting': {
      // Retries go on at the ceiling; after a few failures the agent is told plainly, with one possible cause.
      const unreachable = looksUnreachable(health.failedAttempts);
      const lead = unreachable ? t('popupHealthUnreachable') : '';
      return {
        ...base,
        tone: unreachable ? 'problem' : 'pending',
        lead,
        text: reconnectingText(health.retryAt, now, t, lead),
        needsOptions: unreachable,
        canRetry: true,
        retryAt: health.retryAt,
      };
    }
    case 'stopped': {
      const reason = t(health.stopReason ? STOP_REASON_KEYS[health.stopReason] : 'popupStopUnknown');
      return { ...base, tone: 'problem', text: t('popupHealthStopped', [reason]), needsOptions: true, canRetry: true };
    }
    case 'not-configured':
      return { ...base, tone: 'idle', text: t('popupHealthNotConfigured'), needsOptions: true };
  }
}
