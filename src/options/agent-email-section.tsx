// The managed `subscriberFrom: "profileEmail"` derives the agent's PBX subscriber from their
// e-mail. Where the browser gives none (Firefox; Chrome or Edge not signed in, or the optional
// "identity.email" permission not granted) this asks the agent for it once, and says why.
import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/i18n-types';
import type { EffectiveSettings } from '../storage/settings-store';
import { subscriberFromEmail } from '../settings/subscriber-from-email';
import { canAskForProfileEmail } from '../platform/profile-email';

export interface AgentEmailSectionProps {
  derivation: NonNullable<EffectiveSettings['subscriberFromEmail']>;
  t: Translate;
  saveEmail: (email: string) => Promise<void>;
  /** Chrome/Edge: ask for the optional permission that gives the browser account's e-mail. */
  useBrowserAccount: () => Promise<void>;
}

export function AgentEmailSection({ derivation, t, saveEmail, useBrowserAccount }: AgentEmailSectionProps) {
  const [email, setEmail] = useState(derivation.source === 'agent' ? derivation.email : '');
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  if (derivation.source === 'profile') {
    return <p class="intro" data-testid="agent-email-from-profile">{t('optionsAgentEmailFromProfile', [derivation.email])}</p>;
  }
  const save = async () => {
    // The template's result is checked where it is used; here only that it is an e-mail at all.
    if (subscriberFromEmail(email) === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    await saveEmail(email.trim());
    setSaved(true);
  };
  return (
    <section aria-labelledby="agent-email-heading" data-testid="agent-email-section">
      <h2 id="agent-email-heading">{t('optionsAgentEmailHeading')}</h2>
      {derivation.source === 'missing' ? (
        <p class="intro" id="agent-email-why">
          {t('optionsAgentEmailWhy')}
        </p>
      ) : (
        <p class="intro" id="agent-email-why">
          {t('optionsAgentEmailFromAgent', [derivation.email])}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class={`field${invalid ? ' field--invalid' : ''}`}>
          <label for="agentEmail">{t('optionsAgentEmailLabel')}</label>
          <input
            id="agentEmail"
            type="email"
            autoComplete="email"
            spellcheck={false}
            value={email}
            aria-describedby={invalid ? 'agent-email-why agentEmail-error' : 'agent-email-why'}
            aria-invalid={invalid}
            onInput={(e) => {
              setEmail(e.currentTarget.value);
              setSaved(false);
            }}
          />
          {invalid && (
            <p class="error" id="agentEmail-error" role="alert" data-testid="agentEmail-error">
              {t('optionsAgentEmailInvalid')}
            </p>
          )}
        </div>
        <div class="save-bar">
          <button type="submit" class="primary">
            {t('optionsAgentEmailSave')}
          </button>
          {canAskForProfileEmail() && (
            <button type="button" onClick={() => void useBrowserAccount()}>
              {t('optionsAgentEmailUseAccount')}
            </button>
          )}
          <p role="status" aria-live="polite" data-testid="agent-email-status">
            {saved ? t('optionsAgentEmailSaved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
