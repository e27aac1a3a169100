// Launches Debian's Firefox ESR headless over WebDriver BiDi (puppeteer-core) and installs
// dist/test-firefox (the test build) as a temporary add-on. Facts this relies on: docs/browser-testing.md.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** How long a tab CallPop or a test opens may take to report its address (a loaded CI machine is slow). */
const PAGE_OPEN_TIMEOUT_MS = 30_000;

export const FIREFOX_PATH = process.env.CALLPOP_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve('dist/test-firefox');
export const GECKO_ID = 'callpop@callpop.example';
/** Fixed before launch so tests know the moz-extension:// origin. */
export const FIREFOX_EXTENSION_UUID = '6f1c2a8e-4b7d-4e59-9a3c-0d2b7e8f1a64';

export interface FirefoxExtension {
  browser: Browser;
  origin: string;
  /** The profile directory (its path is on the browser's command line). */
  profileDir: string;
  /** An extension page (the options tab the extension opens on install, or one it opened later). */
  extensionPage(pathPart: string): Promise<Page>;
  /** Runs in an extension page (the options tab opened on install), with the full `browser` API. */
  evalInWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Opens an extension page the way the extension itself would (BiDi may not navigate to moz-extension:). */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export function assertFirefoxInstalled(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: install Debian's "firefox-esr" package (.ci/run does).`);
  }
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_DIST}: run "npm run build:test" first.`);
}

/**
 * The page's address once it is an extension page with its extension API, else ''. BiDi may
 * report about:blank for an extension tab (location.href inside is right), and a CI run once
 * evaluated in an options page whose `browser` was still undefined.
 */
export async function readyExtensionHref(page: Page): Promise<string> {
  return page
    .evaluate(() => (typeof (globalThis as { browser?: { runtime?: { id?: unknown } } }).browser?.runtime?.id === 'string' ? location.href : ''))
    .catch(() => '');
}

export async function launchFirefox(
  options: {
    prefs?: Record<string, unknown>;
    /** Lets the test evaluate in Firefox's own windows (alert windows, the browser console): support/firefox-chrome.ts. */
    systemAccess?: boolean;
    /** Keep this profile (and reuse it): an add-on update on the same profile. */
    profileDir?: string;
    /** Install the add-on from here instead of dist/firefox. */
    extensionDir?: string;
    /** Another way to start Debian's Firefox (the policies.json test wraps it in a private mount namespace). */
    executablePath?: string;
    /** false: install nothing (a policy installs the add-on). */
    install?: boolean;
  } = {},
): Promise<FirefoxExtension> {
  assertFirefoxInstalled();
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'callpop-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    args: options.systemAccess ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // Debian's firefox-esr pulls in libnotify, so Firefox hands notifications to a desktop
      // daemon over D-Bus; a headless CI machine has no session bus, and every notification
      // would vanish at once. Firefox's own alert window works without one.
      'alerts.useSystemBackend': false,
      ...options.prefs,
    },
  });
  if (options.install !== false) await browser.installExtension(options.extensionDir ?? FIREFOX_DIST);
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

  const extensionPage = async (pathPart: string): Promise<Page> => {
    const deadline = Date.now() + PAGE_OPEN_TIMEOUT_MS;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) {
        const href = await readyExtensionHref(page);
        if (href.startsWith(origin) && href.includes(pathPart)) return page;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no extension page matching ${pathPart}`);
  };

  const evalInWorker = async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
    const page = await extensionPage('options.html');
    // Arguments travel as JSON; the function is serialized, never a closure.
    return page.evaluate(fn as unknown as (arg: unknown) => Promise<T>, arg as unknown);
  };

  const openExtensionPage = async (path: string): Promise<Page> => {
    const before = new Set(await browser.pages());
    await evalInWorker(async (p) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      await api.tabs.create({ url: api.runtime.getURL(p) });
    }, path);
    // 30 s: on a loaded 2-core machine a new tab has taken more than 15 s to report its address.
    const deadline = Date.now() + PAGE_OPEN_TIMEOUT_MS;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      seen = [];
      for (const page of await browser.pages()) {
        if (before.has(page)) continue;
        const href = await page.evaluate(() => location.href).catch((error: unknown) => `(unreadable: ${String(error)})`);
        if (href.startsWith(origin) && href.includes(path)) return page;
        seen.push(href);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the extension page ${path} did not open within ${PAGE_OPEN_TIMEOUT_MS / 1000} s; new tabs: ${JSON.stringify(seen)}`);
  };

  return {
    browser,
    origin,
    profileDir: profile,
    extensionPage,
    evalInWorker,
    openExtensionPage,
    async close() {
      await browser.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
