// "Test connection" with the values on screen (not the saved ones). The first frame is shown as
// text: it comes from the wire.
import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/i18n-types';
import type { FormErrors, FormField, OptionsForm } from '../settings/settings-input';
import { buildConnectionUrl } from '../settings/connection-url';
import type { ConnectionTestReport, TestResult } from '../connection/connection-test';
import { POLICY_KEY_STAND_IN, type ConnectionFields } from './page-settings';

const RESULT_KEYS: Record<TestResult, string> = {
  connected: 'optionsTestConnected',
  refused: 'optionsTestRefused',
  unreachable: 'optionsTestUnreachable',
  'not-websocket': 'optionsTestNotWebsocket',
  timeout: 'optionsTestTimeout',
};

/** Which field a connection error belongs to, by its key. */
export function fieldOfError(key: string): FormField {
  if (key.startsWith('settingsErrorDomain')) return 'domain';
  if (key.startsWith('settingsErrorApiKey')) return 'apiKey';
  if (key.startsWith('settingsErrorSubscriber')) return 'subscriber';
  return 'urlTemplate';
}

type Status = { kind: 'idle' } | { kind: 'running' } | { kind: 'invalid' } | { kind: 'done'; report: ConnectionTestReport };

export interface TestConnectionPanelProps {
  form: OptionsForm;
  t: Translate;
  onErrors: (errors: FormErrors) => void;
  /** The background runs the test with these fields; it fills in what a policy sets. */
  runTest: (fields: ConnectionFields) => Promise<ConnectionTestReport>;
  /** A policy sets the API key: the page does not have it, the background does. */
  policyKey: boolean;
}

export function TestConnectionPanel({ form, t, onErrors, runTest, policyKey }: TestConnectionPanelProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const run = async () => {
    const fields: ConnectionFields = { domain: form.domain, apiKey: form.apiKey, subscriber: form.subscriber, urlTemplate: form.urlTemplate };
    // Checked here so each mistake shows beside its field; the URL itself is built by the background.
    const built = buildConnectionUrl(policyKey ? { ...fields, apiKey: POLICY_KEY_STAND_IN } : fields);
    if (!built.ok) {
      onErrors({ [fieldOfError(built.error)]: { key: built.error, args: [] } });
      setStatus({ kind: 'invalid' });
      return;
    }
    onErrors({});
    setStatus({ kind: 'running' });
    setStatus({ kind: 'done', report: await runTest(fields) });
  };
  return (
    <div class="test-connection">
      <button type="button" onClick={() => void run()} disabled={status.kind === 'running'}>
        {t('optionsTestButton')}
      </button>
      <div role="status" aria-live="polite" data-testid="test-result">
        {status.kind === 'running' && <p>{t('optionsTestRunning')}</p>}
        {status.kind === 'invalid' && <p class="error">{t('optionsTestFixErrors')}</p>}
        {status.kind === 'done' && <TestReport report={status.report} t={t} />}
      </div>
    </div>
  );
}

function TestReport({ report, t }: { report: ConnectionTestReport; t: Translate }) {
  const ok = report.result === 'connected';
  return (
    <div class={ok ? 'result result--ok' : 'result result--bad'}>
      <p class="result-words">{t(RESULT_KEYS[report.result])}</p>
      <p class="hint">{t(report.detail, report.httpStatus === null ? [] : [String(report.httpStatus)])}</p>
      {ok &&
        (report.firstFrame === null ? (
          <p class="hint">{t('optionsTestNoFrame')}</p>
        ) : (
          <>
            <p>{t('optionsTestFirstFrame')}</p>
            <pre class="frame">{report.firstFrame}</pre>
          </>
        ))}
    </div>
  );
}
