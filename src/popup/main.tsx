// Entry: load the UI language first (the agent's choice may differ from the browser's), then render.
import '../platform/zod-config';
import { render } from 'preact';
import { readUiLanguage } from '../storage/ui-language';
import { createUiTranslator, uiLanguageTag } from '../platform/ui-strings';
import { App } from './app';
import { browserPopupActions } from './page-actions';

async function start(root: HTMLElement): Promise<void> {
  // Only the language: the whole settings (migrations, policy checks) load after the first paint.
  const language = await readUiLanguage();
  const t = await createUiTranslator(language);
  // Screen readers pick their voice from <html lang>: the catalog says which language it is.
  document.documentElement.lang = t('htmlLang');
  render(<App t={t} languageTag={uiLanguageTag(language)} actions={browserPopupActions} />, root);
}

const root = document.getElementById('app');
if (root) void start(root);
