// Connection health in words, and "Copy diagnostics" with the API key redacted.
import { useState } from 'preact/hooks';
import type { Health } from '../connection/health';
import { browser } from '../platform/browser-api';
import type { PageMessage } from '../platform/messages';
import type { Translate } from '../i18n/i18n-types';
import { describeState, keepAliveWords } from './health-words';
import { RestDiagnostics } from './rest-diagnostics';
import { StorageDiagnostics } from './storage-diagnostics';

export interface DiagnosticsPanelProps {
  health: Health | null;
  t: Translate;
  formatTime: (ms: number) => string;
  /** Builds the redacted plain-text report at click time. */
  report: () => string;
  writeClipboard: (text: string) => Promise<void>;
}

export function DiagnosticsPanel({ health, t, formatTime, report, writeClipboard }: DiagnosticsPanelProps) {
  const [copy, setCopy] = useState<{ state: 'idle' } | { state: 'copied' } | { state: 'failed'; text: string }>({ state: 'idle' });
  const onCopy = async () => {
    const text = report();
    try {
      await writeClipboard(text);
      setCopy({ state: 'copied' });
    } catch {
      setCopy({ state: 'failed', text });
    }
  };
  return (
    <section aria-labelledby="diagnostics-heading" data-testid="diagnostics">
      <h2 id="diagnostics-heading">{t('optionsDiagnosticsHeading')}</h2>
      <div class="facts-columns">
        {health === null ? (
          <p>{t('optionsDiagNoHealth')}</p>
        ) : (
          <dl class="facts">
            <Fact label={t('optionsDiagState')} value={describeState(health, t, formatTime)} />
            <Fact label={t('optionsDiagLastFrame')} value={health.lastFrameAt === null ? t('optionsDiagNever') : formatTime(health.lastFrameAt)} />
            <Fact label={t('optionsDiagReconnects')} value={String(health.reconnectCount)} />
            <Fact label={t('optionsDiagFrames')} value={`${health.framesAccepted} / ${health.framesRejected}`} />
            <Fact label={t('optionsDiagPbxError')} value={health.lastPbxError ? `${formatTime(health.lastPbxError.at)} — ${health.lastPbxError.message}` : t('optionsDiagNone')} />
            <Fact label={t('optionsDiagKeepAlive')} value={keepAliveWords(health, t, formatTime)} />
            <Fact label={t('optionsDiagUrl')} value={health.displayUrl ?? '—'} />
            <dt>{t('optionsDiagRejections')}</dt>
            <dd>
              {health.lastRejections.length === 0 ? (
                t('optionsDiagNone')
              ) : (
                <ul>
                  {health.lastRejections.map((r, i) => (
                    <li key={`${r.at}-${i}`}>
                      {formatTime(r.at)} — {r.reason}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        )}
        <RestDiagnostics t={t} formatTime={formatTime} />
        <StorageDiagnostics t={t} formatTime={formatTime} />
      </div>
      {(health?.state === 'reconnecting' || health?.state === 'stopped') && (
        <button type="button" data-testid="diagnostics-retry" onClick={() => void send({ type: 'reconnect' })}>
          {t('popupRetryNow')}
        </button>
      )}
      {health?.keepAlive === 'api-calls' && (
        <button type="button" data-testid="retry-keep-alive-frames" onClick={() => void send({ type: 'retry-keep-alive-frames' })}>
          {t('optionsKeepAliveRetry')}
        </button>
      )}
      <button type="button" onClick={() => void onCopy()}>
        {t('optionsCopyDiagnostics')}
      </button>
      <div role="status" aria-live="polite">
        {copy.state === 'copied' && <p>{t('optionsCopied')}</p>}
        {copy.state === 'failed' && (
          <>
            <p class="error">{t('optionsCopyFailed')}</p>
            <textarea class="report" readOnly rows={12} aria-label={t('optionsDiagnosticsHeading')} value={copy.text} />
          </>
        )}
      </div>
    </section>
  );
}

async function send(message: PageMessage): Promise<void> {
  await browser.runtime.sendMessage(message).catch(() => undefined);
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
