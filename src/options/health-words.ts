// Connection health in the agent's words, shared by the diagnostics panel and the report.
import type { Health } from '../shared/health';
import type { Translate } from '../shared/i18n-types';

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
  const why = health.stopReason ? `: ${t(STOP_KEYS[health.stopReason])}` : '';
  const since = health.state === 'connected' && health.connectedSince !== null ? ` (${formatTime(health.connectedSince)})` : '';
  return `${state}${why}${since}`;
}

export function keepAliveWords(health: Health, t: Translate): string {
  return t(health.keepAlive === 'frames' ? 'optionsKeepAliveFrames' : 'optionsKeepAliveApi');
}
