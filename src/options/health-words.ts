// Connection health in the agent's words, shared by the diagnostics panel and the report.
import type { Health } from '../connection/health';
import type { Translate } from '../i18n/i18n-types';
import { looksUnreachable } from '../connection/reconnect-policy';

const STATE_KEYS: Record<Health['state'], string> = {
  'not-configured': 'optionsStateNotConfigured',
  connecting: 'optionsStateConnecting',
  connected: 'optionsStateConnected',
  reconnecting: 'optionsStateReconnecting',
  stopped: 'optionsStateStopped',
};

const STOP_KEYS: Record<NonNullable<Health['stopReason']>, string> = {
  refused: 'optionsStopRefused',
  'invalid-settings': 'optionsStopInvalidSettings',
  'insecure-url': 'optionsStopInsecureUrl',
  'pbx-error': 'optionsStopPbxError',
};

export function describeState(health: Health, t: Translate, formatTime: (ms: number) => string): string {
  const state = t(STATE_KEYS[health.state]);
  const why = health.stopReason
    ? `: ${t(STOP_KEYS[health.stopReason])}`
    : health.state === 'reconnecting' && looksUnreachable(health.failedAttempts)
      ? `: ${t('optionsUnreachableHint', [String(health.failedAttempts)])}`
      : '';
  const since = health.state === 'connected' && health.connectedSince !== null ? ` (${formatTime(health.connectedSince)})` : '';
  return `${state}${why}${since}`;
}

const KEEP_ALIVE_REASON_KEYS: Record<NonNullable<Health['keepAliveReason']>, string> = {
  default: 'optionsKeepAliveWhyDefault',
  'strict-pbx': 'optionsKeepAliveWhyStrict',
  expired: 'optionsKeepAliveWhyExpired',
  'settings-changed': 'optionsKeepAliveWhySettings',
  manual: 'optionsKeepAliveWhyManual',
};

/** "keep-alive frames (since 10:42: new settings)": the mode, when and why it was chosen. */
export function keepAliveWords(health: Health, t: Translate, formatTime?: (ms: number) => string): string {
  const mode = t(health.keepAlive === 'frames' ? 'optionsKeepAliveFrames' : 'optionsKeepAliveApi');
  if (health.keepAliveReason === null || health.keepAliveSince === null || !formatTime) return mode;
  return `${mode} (${t('optionsKeepAliveSince', [formatTime(health.keepAliveSince), t(KEEP_ALIVE_REASON_KEYS[health.keepAliveReason])])})`;
}
