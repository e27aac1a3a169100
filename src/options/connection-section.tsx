// Domain, API key, subscriber and the advanced URL template, with "Test connection".
import { useState } from 'preact/hooks';
import type { SectionProps } from './form-props';
import { FieldFrame } from './field-frame';
import { TestConnectionPanel, type TestConnectionPanelProps } from './test-connection-panel';

export interface ConnectionSectionProps extends SectionProps {
  onTestErrors: (errors: SectionProps['errors']) => void;
  runTest: TestConnectionPanelProps['runTest'];
}

export function ConnectionSection({ form, update, errors, locked, t, onTestErrors, runTest }: ConnectionSectionProps) {
  const [showKey, setShowKey] = useState(false);
  return (
    <section aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('optionsConnectionHeading')}</h2>
      <p class="intro">{t('optionsIntro')}</p>
      <FieldFrame id="domain" label={t('optionsDomainLabel')} hint={t('optionsDomainHint')} error={errors.domain} locked={locked.has('domain')} t={t}>
        {(describedBy, invalid) => (
          <input
            id="domain"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={form.domain}
            disabled={locked.has('domain')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => update({ domain: e.currentTarget.value })}
          />
        )}
      </FieldFrame>
      <FieldFrame id="apiKey" label={t('optionsApiKeyLabel')} hint={t('optionsApiKeyHint')} error={errors.apiKey} locked={locked.has('apiKey')} t={t}>
        {(describedBy, invalid) => (
          <div class="secret">
            <input
              id="apiKey"
              type={showKey && !locked.has('apiKey') ? 'text' : 'password'}
              autoComplete="off"
              spellcheck={false}
              value={form.apiKey}
              // A policy key is never on this page: the locked field shows only that one is set.
              placeholder={locked.has('apiKey') ? '••••••••' : undefined}
              disabled={locked.has('apiKey')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => update({ apiKey: e.currentTarget.value })}
            />
            {/* A toggle keeps one name and says its state with aria-pressed (WCAG "label in name"). */}
            {!locked.has('apiKey') && (
              <button type="button" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
                {t('optionsApiKeyToggleLabel')}
              </button>
            )}
          </div>
        )}
      </FieldFrame>
      <FieldFrame id="subscriber" label={t('optionsSubscriberLabel')} hint={t('optionsSubscriberHint')} error={errors.subscriber} locked={locked.has('subscriber')} t={t}>
        {(describedBy, invalid) => (
          <input
            id="subscriber"
            type="text"
            autoComplete="off"
            spellcheck={false}
            value={form.subscriber}
            disabled={locked.has('subscriber')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => update({ subscriber: e.currentTarget.value })}
          />
        )}
      </FieldFrame>
      <details open={Boolean(errors.urlTemplate) || form.urlTemplate !== ''}>
        <summary>{t('optionsAdvanced')}</summary>
        <FieldFrame id="urlTemplate" label={t('optionsUrlTemplateLabel')} hint={t('optionsUrlTemplateHint')} error={errors.urlTemplate} locked={locked.has('urlTemplate')} t={t}>
          {(describedBy, invalid) => (
            <input
              id="urlTemplate"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              value={form.urlTemplate}
              disabled={locked.has('urlTemplate')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={(e) => update({ urlTemplate: e.currentTarget.value })}
            />
          )}
        </FieldFrame>
      </details>
      <TestConnectionPanel form={form} t={t} onErrors={onTestErrors} runTest={runTest} policyKey={locked.has('apiKey')} />
    </section>
  );
}
