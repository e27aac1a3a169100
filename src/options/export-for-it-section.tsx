// "Export for IT": the saved settings as the policy files an admin rolls out (Chrome and Edge on
// Linux, Windows and macOS; Firefox). The key is left out unless the admin ticks the box. Loaded
// only when the fold opens (export-for-it-details.tsx), with the generator.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser-api';
import type { Translate } from '../i18n/i18n-types';
import type { Settings } from '../settings/settings-schema';
import { CHROME_STORE_UPDATE_URL, chromeIdProblem, urlProblem } from '../settings/policy-files/policy-input';
import { subscriberTemplateProblem } from '../settings/subscriber-from-email';
import { exportPolicyFiles } from './export-for-it-files';
import type { PolicyFileKind } from '../settings/policy-files/policy-bundle';

export interface ExportForItSectionProps {
  settings: Settings;
  /** A policy sets the key: it never reaches this page, so it cannot be exported from here. */
  policyKey: boolean;
  t: Translate;
}

interface Link {
  name: string;
  kind: PolicyFileKind;
  href: string;
}

const WHERE: Record<PolicyFileKind, string> = {
  linux: 'optionsExportWhereLinux',
  'windows-machine': 'optionsExportWhereWindowsMachine',
  'windows-user': 'optionsExportWhereWindowsUser',
  macos: 'optionsExportWhereMacos',
  firefox: 'optionsExportWhereFirefox',
};

type Field = 'chromeId' | 'chromeUpdateUrl' | 'firefoxInstallUrl' | 'template';

function defaults(): { chromeId: string; chromeUpdateUrl: string } {
  const manifest = browser.runtime.getManifest() as { update_url?: string };
  // In Firefox runtime.id is the gecko id: no Chrome id to offer.
  return { chromeId: chromeIdProblem(browser.runtime.id) ? '' : browser.runtime.id, chromeUpdateUrl: manifest.update_url ?? CHROME_STORE_UPDATE_URL };
}

export function ExportForItSection({ settings, policyKey, t }: ExportForItSectionProps) {
  const [input, setInput] = useState(() => ({ ...defaults(), firefoxInstallUrl: '', fromEmail: false, template: '', includeApiKey: false }));
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});
  const [links, setLinks] = useState<Link[]>([]);
  const [failed, setFailed] = useState(false);
  // Blob URLs live until revoked: free the previous set whenever a new one replaces it.
  useEffect(() => () => links.forEach((link) => URL.revokeObjectURL(link.href)), [links]);

  const make = () => {
    const problems: Partial<Record<Field, string>> = {};
    if (chromeIdProblem(input.chromeId.trim())) problems.chromeId = 'optionsExportChromeIdInvalid';
    if (urlProblem(input.chromeUpdateUrl.trim())) problems.chromeUpdateUrl = 'optionsExportUrlInvalid';
    if (urlProblem(input.firefoxInstallUrl.trim())) problems.firefoxInstallUrl = 'optionsExportUrlInvalid';
    if (input.fromEmail && input.template.trim() !== '' && subscriberTemplateProblem(input.template.trim())) problems.template = 'optionsExportTemplateInvalid';
    setInvalid(problems);
    setLinks([]);
    setFailed(false);
    if (Object.keys(problems).length > 0) return;
    try {
      const files = exportPolicyFiles({ ...input, settings, includeApiKey: input.includeApiKey && !policyKey, subscriberTemplate: input.fromEmail ? input.template : null });
      setLinks(files.map((file) => ({ name: file.name, kind: file.kind, href: URL.createObjectURL(new Blob([file.bytes as BlobPart])) })));
    } catch {
      setFailed(true);
    }
  };

  const text = (id: Field, label: string, hint: string, value: string, set: (v: string) => void) => (
    <div class={`field${invalid[id] ? ' field--invalid' : ''}`}>
      <label for={`export-${id}`}>{label}</label>
      <input
        id={`export-${id}`}
        type="text"
        autoComplete="off"
        spellcheck={false}
        value={value}
        aria-describedby={invalid[id] ? `export-${id}-hint export-${id}-error` : `export-${id}-hint`}
        aria-invalid={Boolean(invalid[id])}
        onInput={(e) => set(e.currentTarget.value)}
      />
      <p class="hint" id={`export-${id}-hint`}>
        {hint}
      </p>
      {invalid[id] && (
        <p class="error" id={`export-${id}-error`} role="alert">
          {t(invalid[id])}
        </p>
      )}
    </div>
  );

  return (
    <div>
      <p class="intro">{t('optionsExportIntro')}</p>
      {text('chromeId', t('optionsExportChromeId'), t('optionsExportChromeIdHint'), input.chromeId, (chromeId) => setInput({ ...input, chromeId }))}
      {text('chromeUpdateUrl', t('optionsExportUpdateUrl'), t('optionsExportUpdateUrlHint'), input.chromeUpdateUrl, (chromeUpdateUrl) => setInput({ ...input, chromeUpdateUrl }))}
      {text('firefoxInstallUrl', t('optionsExportFirefoxUrl'), t('optionsExportFirefoxUrlHint'), input.firefoxInstallUrl, (firefoxInstallUrl) => setInput({ ...input, firefoxInstallUrl }))}
      <div class="check">
        <input id="export-from-email" type="checkbox" checked={input.fromEmail} onChange={(e) => setInput({ ...input, fromEmail: e.currentTarget.checked })} />
        <label for="export-from-email">{t('optionsExportFromEmail')}</label>
      </div>
      {input.fromEmail && text('template', t('optionsExportTemplate'), t('optionsExportTemplateHint'), input.template, (template) => setInput({ ...input, template }))}
      {policyKey ? (
        <p class="hint">{t('optionsExportKeyFromPolicy')}</p>
      ) : (
        <div class="check">
          <input id="export-include-key" type="checkbox" data-testid="export-include-key" checked={input.includeApiKey} onChange={(e) => setInput({ ...input, includeApiKey: e.currentTarget.checked })} />
          <label for="export-include-key">{t('optionsExportIncludeKey')}</label>
        </div>
      )}
      <div class="save-bar">
        <button type="button" onClick={make}>
          {t('optionsExportMake')}
        </button>
        <p role="status" aria-live="polite" class={failed ? 'error' : ''}>
          {failed ? t('optionsExportFailed') : ''}
        </p>
      </div>
      {links.length > 0 && (
        <section aria-labelledby="export-files-heading">
          <h3 id="export-files-heading">{t('optionsExportFilesHeading')}</h3>
          <ul class="export-files" data-testid="export-files">
            {links.map((link) => (
              <li key={link.name}>
                <a href={link.href} download={link.name}>
                  {link.name}
                </a>{' '}
                <span class="hint">{t(WHERE[link.kind])}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
