import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeState, resetFakeBrowser } from '../support/fake-browser';
import { createUiTranslator, uiLanguageTag } from '../../../src/platform/ui-strings';
import { loadCatalog } from '../../../tools/i18n/load-catalog';

const uk = loadCatalog('uk');
const en = loadCatalog('en');

vi.mock('../../../src/platform/browser-api', async () => ({ browser: (await import('../support/fake-browser')).fakeBrowser }));

beforeEach(() => resetFakeBrowser());
afterEach(() => vi.unstubAllGlobals());

describe('createUiTranslator', () => {
  it('uses the browser language for "browser"', async () => {
    fakeState.uiLanguage = 'uk';
    const t = await createUiTranslator('browser');
    expect(t('optionsSave')).toBe('Зберегти');
    expect(uiLanguageTag('browser')).toBe('uk');
  });

  it('reads the chosen catalog even when the browser speaks another language, with substitutions', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return { ok: true, json: async () => uk };
    });
    const t = await createUiTranslator('uk');
    expect(fetched).toEqual(['chrome-extension://fake-extension-id/_locales/uk/messages.json']);
    expect(t('optionsTestDetailAuth', ['403'])).toBe('Сервер відповів HTTP 403: API-ключ, домен або абонента не прийнято.');
    expect(uiLanguageTag('uk')).toBe('uk');
  });

  it('falls back to the browser’s strings when the catalog cannot be fetched', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    const t = await createUiTranslator('uk');
    expect(t('optionsSave')).toBe('Save');
  });

  it('falls back to the browser’s strings when the fetched file is not a catalog (checked, not cast)', async () => {
    vi.stubGlobal('fetch', async () => ({ ok: true, json: async () => ({ optionsSave: 'Зберегти' }) }));
    const t = await createUiTranslator('uk');
    expect(t('optionsSave')).toBe('Save');
  });
});

describe('locale catalogs', () => {
  it('have the same options and settingsError keys in Ukrainian and English, none empty', () => {
    const mine = (c: typeof uk) => Object.keys(c).filter((k) => /^(options|settingsError)/.test(k)).sort();
    expect(mine(uk)).toEqual(mine(en));
    for (const key of mine(uk)) {
      expect(uk[key]?.message.trim()).not.toBe('');
      expect(en[key]?.message.trim()).not.toBe('');
    }
  });

  it('have every key in both languages (a string added in one only fails here)', () => {
    expect(Object.keys(uk).sort()).toEqual(Object.keys(en).sort());
  });
});
