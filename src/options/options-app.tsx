// The options page: loads effective settings, edits them as text, validates, saves, and asks the
// background to reconnect. Fields a policy sets are shown disabled and never written back.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '../platform/browser-api';
import type { Translate } from '../i18n/i18n-types';
import type { PageMessage } from '../platform/messages';
import type { Settings } from '../settings/settings-schema';
import type { SettingsLayer } from '../settings/settings-migrations';
import { formFromSettings, parseOptionsForm, type FormErrors, type OptionsForm, type SavableSettings } from '../settings/settings-input';
import { saveAgentEmail, saveSettings, watchSettings, type EffectiveSettings } from '../storage/settings-store';
import { requestProfileEmailPermission } from '../platform/profile-email';
import { pageIsConfigured, readPageSettings, testInBackground, type ConnectionFields } from './page-settings';
import { createUiTranslator, uiLanguageTag } from '../platform/ui-strings';
import type { ConnectionTestReport } from '../connection/connection-test';
import { ConnectionSection } from './connection-section';
import { NotificationsSection } from './notifications-section';
import { GeneralSection } from './general-section';
import { DiagnosticsPanel } from './diagnostics-panel';
import { ShortcutsSection } from './shortcuts-section';
import { diagnosticsReport } from './diagnostics-report';
import { useHealth } from './use-health';
import { ExportForItDetails } from './export-for-it-details';
import { useLazyModule } from './use-lazy-module';
import { PolicyIgnoredNote } from './policy-ignored-note';

export interface OptionsAppProps {
  runTest?: (fields: ConnectionFields) => Promise<ConnectionTestReport>;
  writeClipboard?: (text: string) => Promise<void>;
}

interface Loaded extends EffectiveSettings {
  t: Translate;
}

/** The saved form minus every field a policy owns, so a policy value never lands in local storage. */
export function withoutLocked(settings: SavableSettings, locked: ReadonlySet<string>): SettingsLayer {
  const out: SettingsLayer = {};
  for (const [key, value] of Object.entries(settings)) {
    if (key !== 'notifications' && !locked.has(key)) Object.assign(out, { [key]: value });
  }
  const notifications = Object.entries(settings.notifications).filter(([key]) => !locked.has(`notifications.${key}`));
  if (notifications.length > 0) out.notifications = Object.fromEntries(notifications);
  return out;
}

export function OptionsApp({ runTest = testInBackground, writeClipboard = (text) => navigator.clipboard.writeText(text) }: OptionsAppProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [form, setForm] = useState<OptionsForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const health = useHealth();

  useEffect(() => {
    let live = true;
    const load = async (resetForm: boolean) => {
      const effective = await readPageSettings();
      const t = await createUiTranslator(effective.settings.language);
      if (!live) return;
      // Screen readers pick their voice from <html lang>: the catalog says which language it is.
      document.documentElement.lang = t('htmlLang');
      setLoaded({ ...effective, t });
      // A policy change while the page is open updates only the fields the policy owns.
      setForm((current) => (resetForm || !current ? formFromSettings(effective.settings) : lockedFromPolicy(current, effective)));
    };
    void load(true);
    const stop = watchSettings(() => void load(false));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const locked = useMemo(() => new Set<string>(loaded?.locked ?? []), [loaded]);
  const agentEmail = useLazyModule(() => import('./agent-email-section'), Boolean(loaded?.subscriberFromEmail));
  if (!loaded || !form) return <main data-testid="options-root" aria-busy="true" />;
  const { t } = loaded;
  const tag = uiLanguageTag(loaded.settings.language);
  const timeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'medium' });
  const formatTime = (ms: number) => timeFormat.format(new Date(ms));
  const update = (patch: Partial<OptionsForm>) => {
    setForm({ ...form, ...patch });
    setStatus(null);
  };

  const reconnect = async () => {
    // The background also watches storage; the message makes it skip any backoff wait.
    const message: PageMessage = { type: 'reconnect' };
    await browser.runtime.sendMessage(message).catch(() => undefined);
  };
  const saveEmail = async (email: string) => {
    // The page reloads its settings through watchSettings; the background reconnects with the new subscriber.
    await saveAgentEmail(email);
    await reconnect();
  };
  const useBrowserAccount = async () => {
    if (!(await requestProfileEmailPermission())) return;
    setLoaded({ ...(await readPageSettings()), t });
    await reconnect();
  };

  const save = async () => {
    const parsed = parseOptionsForm(form, locked);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setStatus('optionsSaveInvalid');
      return;
    }
    setErrors({});
    try {
      await saveSettings(withoutLocked(parsed.settings, locked));
    } catch {
      setStatus('optionsSaveFailed');
      return;
    }
    const next = await readPageSettings();
    await reconnect();
    const nextT = next.settings.language === loaded.settings.language ? t : await createUiTranslator(next.settings.language);
    setLoaded({ ...next, t: nextT });
    setForm(formFromSettings(next.settings));
    setStatus(pageIsConfigured(next) ? 'optionsSavedConnecting' : 'optionsSavedNotConfigured');
  };

  const report = () =>
    diagnosticsReport(
      { settings: loaded.settings, locked: loaded.locked, ignoredByPolicy: loaded.ignoredByPolicy, health, extraSecrets: [form.apiKey, form.apiKey.trim()], now: new Date(), formatTime, userAgent: navigator.userAgent },
      t,
    );

  const sectionProps = { form, update, errors, locked, t };
  return (
    <main data-testid="options-root" lang={tag}>
      <h1>{t('optionsTitle')}</h1>
      <PolicyIgnoredNote keys={loaded.ignoredByPolicy} t={t} />
      {loaded.subscriberFromEmail && agentEmail && <agentEmail.AgentEmailSection derivation={loaded.subscriberFromEmail} t={t} saveEmail={saveEmail} useBrowserAccount={useBrowserAccount} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ConnectionSection {...sectionProps} onTestErrors={setErrors} runTest={runTest} />
        <NotificationsSection {...sectionProps} />
        <GeneralSection {...sectionProps} />
        <div class="save-bar">
          <button type="submit" class="primary">
            {t('optionsSave')}
          </button>
          <p role="status" aria-live="polite" data-testid="save-status" class={status === 'optionsSaveInvalid' || status === 'optionsSaveFailed' ? 'error' : ''}>
            {status ? t(status) : ''}
          </p>
        </div>
      </form>
      <ShortcutsSection t={t} />
      <ExportForItDetails settings={loaded.settings} policyKey={locked.has('apiKey')} t={t} />
      <DiagnosticsPanel health={health} t={t} formatTime={formatTime} report={report} writeClipboard={writeClipboard} />
    </main>
  );
}

function lockedFromPolicy(current: OptionsForm, effective: EffectiveSettings): OptionsForm {
  const fresh = formFromSettings(effective.settings);
  const next: OptionsForm = { ...current, notifications: { ...current.notifications } };
  for (const path of effective.locked) {
    if (path.startsWith('notifications.')) {
      const key = path.slice('notifications.'.length) as keyof Settings['notifications'];
      Object.assign(next.notifications, { [key]: fresh.notifications[key] });
    } else if (path in fresh) Object.assign(next, { [path]: fresh[path as keyof OptionsForm] });
  }
  return next;
}
