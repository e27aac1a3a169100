// Diagnostics for the REST features: available, or hidden and why (no host access, or the
// PBX's REST API answered otherwise than documented), plus the last catch-up after a gap.
// The allow button lives here too, so an agent can grant access where they read the reason.
import type { Translate } from '../i18n/i18n-types';
import { restErrorMessageKey, UNDOCUMENTED_KINDS, type RestErrorKind } from '../rest/rest-errors';
import type { RestStatus } from '../rest/rest-status';
import { useRestFeatures, type RestFeatures } from '../ui/use-rest-features';

export function restStateWords(features: Pick<RestFeatures, 'pattern' | 'permitted' | 'status'>, t: Translate): string {
  if (features.pattern === null) return t('optionsDiagRestNotConfigured');
  if (features.permitted !== true) return t('optionsDiagRestNoPermission');
  const { status } = features;
  if (status.state === 'unavailable') return t('optionsDiagRestUnavailable', [`${status.reason ?? ''}: ${status.detail ?? ''}`]);
  const last = status.reason && !UNDOCUMENTED_KINDS.has(status.reason as RestErrorKind) ? ` — ${t('optionsDiagRestLastError', [t(restErrorMessageKey(status.reason as RestErrorKind))])}` : '';
  return `${status.state === 'ok' ? t('optionsDiagRestOk') : t('optionsDiagRestUnknown')}${last}`;
}

function catchUpWords(status: RestStatus, t: Translate, formatTime: (ms: number) => string): string {
  const last = status.catchUp;
  if (!last) return t('optionsDiagCatchUpNever');
  return last.error ? t('optionsDiagCatchUpFailed', [formatTime(last.at), last.error]) : t('optionsDiagCatchUpValue', [formatTime(last.at), String(last.added)]);
}

export function RestDiagnostics({ t, formatTime }: { t: Translate; formatTime: (ms: number) => string }) {
  const features = useRestFeatures();
  return (
    <dl class="facts" data-testid="diagnostics-rest">
      <dt>{t('optionsDiagRest')}</dt>
      <dd>
        {restStateWords(features, t)}
        {features.pattern !== null && features.permitted === false && (
          <>
            {' '}
            <button type="button" data-testid="allow-calling-button" onClick={() => void features.requestPermission()}>
              {t('permissionAllowButton')}
            </button>
          </>
        )}
      </dd>
      <dt>{t('optionsDiagCatchUp')}</dt>
      <dd>{catchUpWords(features.status, t, formatTime)}</dd>
    </dl>
  );
}
