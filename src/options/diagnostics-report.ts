// The plain-text report behind "Copy diagnostics": what support needs to see, with the API key
// masked everywhere (in the URL, in a template, in a PBX error that echoed it back).
import type { Health } from '../connection/health';
import type { Translate } from '../i18n/i18n-types';
import type { Settings } from '../settings/settings-schema';
import { buildConnectionUrl } from '../settings/connection-url';
import { redactText } from '../protocol/redact';
import { describeState, keepAliveWords } from './health-words';

export interface ReportInput {
  settings: Settings;
  locked: readonly string[];
  /** Policy keys whose values CallPop could not use. */
  ignoredByPolicy: readonly string[];
  health: Health | null;
  /** Keys to hide besides the saved one: the one typed on screen and not yet saved. */
  extraSecrets: readonly string[];
  now: Date;
  formatTime: (ms: number) => string;
  userAgent: string;
}

export function diagnosticsReport(input: ReportInput, t: Translate): string {
  const { settings, health } = input;
  const built = buildConnectionUrl(settings);
  const lines = [
    `${t('optionsDiagReportTitle')}`,
    `${t('optionsDiagGenerated')}: ${input.now.toISOString()}`,
    `User agent: ${input.userAgent}`,
    '',
    `[${t('optionsDiagSettings')}]`,
    `domain: ${settings.domain}`,
    `subscriber: ${settings.subscriber}`,
    `apiKey: ${input.locked.includes('apiKey') ? '(set by policy)' : settings.apiKey === '' ? '(empty)' : `(set, ${settings.apiKey.length} chars)`}`,
    `urlTemplate: ${settings.urlTemplate}`,
    `url: ${built.ok ? built.url : built.error}`,
    `notifications: ${JSON.stringify(settings.notifications)}`,
    `crmAllowList: ${settings.crmAllowList.join(' ')}`,
    `dialPrefixes: ${settings.dialPrefixes.join(' ')}`,
    `historyLimit: ${settings.historyLimit}`,
    `language: ${settings.language}`,
    `locked: ${input.locked.join(', ')}`,
    `ignoredByPolicy: ${input.ignoredByPolicy.join(', ')}`,
    '',
    `[${t('optionsDiagnosticsHeading')}]`,
  ];
  if (!health) lines.push(t('optionsDiagNoHealth'));
  else {
    lines.push(
      `${t('optionsDiagState')}: ${describeState(health, t, input.formatTime)} (${health.state}${health.stopReason ? `, ${health.stopReason}` : ''})`,
      `${t('optionsDiagUrl')}: ${health.displayUrl ?? ''}`,
      `${t('optionsDiagLastFrame')}: ${health.lastFrameAt === null ? t('optionsDiagNever') : input.formatTime(health.lastFrameAt)}`,
      `${t('optionsDiagReconnects')}: ${health.reconnectCount}`,
      `${t('optionsDiagFrames')}: ${health.framesAccepted} / ${health.framesRejected}`,
      `${t('optionsDiagKeepAlive')}: ${keepAliveWords(health, t, input.formatTime)}`,
      `lastCloseCode: ${health.lastCloseCode ?? ''}; failedAttempts: ${health.failedAttempts}; refusals: ${health.refusals}`,
      `${t('optionsDiagPbxError')}: ${health.lastPbxError ? `${input.formatTime(health.lastPbxError.at)} ${health.lastPbxError.message}` : t('optionsDiagNone')}`,
      `${t('optionsDiagRejections')}:`,
      ...health.lastRejections.map((r) => `  ${input.formatTime(r.at)} ${r.reason}`),
    );
  }
  return redactText(lines.join('\n'), [settings.apiKey, ...input.extraSecrets]);
}
