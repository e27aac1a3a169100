// The dial confirmation window's entry: the agent's UI language, then the app. The token of the
// waiting request is the URL's fragment (see src/background/context-menu.ts).
import '../platform/zod-config';
import { render } from 'preact';
import { browser } from '../platform/browser-api';
import { readEffectiveSettings } from '../storage/settings-store';
import { createUiTranslator } from '../platform/ui-strings';
import { ConfirmDialApp } from './confirm-dial-app';

async function start(root: HTMLElement): Promise<void> {
  // Only the language is needed; the policy key is never asked for.
  const { settings } = await readEffectiveSettings({ withoutPolicyKey: true });
  const t = await createUiTranslator(settings.language);
  document.documentElement.lang = t('htmlLang');
  document.title = t('confirmDialTitle');
  render(
    <ConfirmDialApp token={location.hash.slice(1)} t={t} send={(message) => browser.runtime.sendMessage(message)} closeWindow={() => window.close()} />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
