// Domain, API key, subscriber and the advanced URL template, with "Test connection".
import { useState } from 'preact/hooks';
import type { SectionProps } from './form-props';
import { TextField } from './text-field';
import { TestConnectionPanel, type TestConnectionPanelProps } from './test-connection-panel';

export interface ConnectionSectionProps extends SectionProps {
  onTestErrors: (errors: SectionProps['errors']) => void;
  runTest: TestConnectionPanelProps['runTest'];
}

export function ConnectionSection({ form, update, errors, locked, t, onTestErrors, runTest }: ConnectionSectionProps) {
  const [showKey, setShowKey] = useState(false);
  const fields = { form, update, errors, locked, t };
  const policyKey = locked.has('apiKey');
  return (
    <section aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('optionsConnectionHeading')}</h2>
      <p class="intro">{t('optionsIntro')}</p>
      <TextField {...fields} name="domain" label={t('optionsDomainLabel')} hint={t('optionsDomainHint')} inputMode="url" />
      <TextField
        {...fields}
        name="apiKey"
        label={t('optionsApiKeyLabel')}
        hint={t('optionsApiKeyHint')}
        type={showKey && !policyKey ? 'text' : 'password'}
        // A policy key is never on this page: the locked field shows only that one is set.
        placeholder={policyKey ? '••••••••' : undefined}
        wrapClass="secret"
        after={
          // A toggle keeps one name and says its state with aria-pressed (WCAG "label in name").
          !policyKey && (
            <button type="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
              {t('optionsApiKeyToggleLabel')}
            </button>
          )
        }
      />
      <TextField {...fields} name="subscriber" label={t('optionsSubscriberLabel')} hint={t('optionsSubscriberHint')} />
      <details open={Boolean(errors.urlTemplate) || form.urlTemplate !== ''}>
        <summary>{t('optionsAdvanced')}</summary>
        <TextField {...fields} name="urlTemplate" label={t('optionsUrlTemplateLabel')} hint={t('optionsUrlTemplateHint')} inputMode="url" />
      </details>
      <TestConnectionPanel form={form} t={t} onErrors={onTestErrors} runTest={runTest} policyKey={policyKey} />
    </section>
  );
}
