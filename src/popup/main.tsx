// Entry: load the UI language first (the agent's choice may differ from the browser's), then render.
import '../platform/zod-config';
import { render } from 'preact';
import { readEffectiveSettings } from '../storage/settings-store';
import { createUiTranslator, uiLanguageTag } from '../platform/ui-strings';
import { App } from './app';
import { browserPopupActions } from './page-actions';

async function start(root: HTMLElement): Promise<void> {
  const { settings } = await readEffectiveSettings();
  const t = await createUiTranslator(settings.language);
  // Screen readers pick their voice from <html lang>: the catalog says which language it is.
  document.documentElement.lang = t('htmlLang');
  render(<App t={t} languageTag={uiLanguageTag(settings.language)} actions={browserPopupActions} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
