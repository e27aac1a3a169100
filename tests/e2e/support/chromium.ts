// Launches Debian's Chromium with the test build of the extension (dist/test-chrome: the release
// build plus the test hooks, see src/build-flags.d.ts), headless, for e2e tests.
// Facts this relies on are in docs/browser-testing.md (flags, reaching the worker, stopping it).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CALLPOP_CHROMIUM ?? '/usr/bin/chromium';
export const CHROME_DIST = resolve('dist/test-chrome');
/** The release build (`npm run build`): no test hooks; the demo loads this one. */
export const CHROME_RELEASE_DIST = resolve('dist/chrome');
/** Fixed by the public `key` in the unpacked build's manifest (see docs/deployment.md). */
export const CHROME_EXTENSION_ID = 'ljhgflfifeepjelglocijbabgoldhbol';

export interface ChromiumExtension {
  context: BrowserContext;
  extensionId: string;
  /** The profile directory (its path is on every browser process's command line). */
  profileDir: string;
  /** The live background worker; re-resolved after the worker was stopped. */
  worker(): Promise<Worker>;
  /** Evaluates in the background worker, waking it first if it was stopped. */
  evalInWorker<T>(fn: () => T | Promise<T>): Promise<T>;
  evalInWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  openExtensionPage(path: string, options?: { colorScheme?: 'light' | 'dark' }): Promise<Page>;
  /** Stops the service worker through the DevTools protocol, like Chrome does when idle. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The id Chromium gives an unpacked extension whose manifest has no `key` (a store package):
 * the SHA-256 of its absolute path, first 32 hex digits written with the letters a–p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export function assertChromiumInstalled(): void {
  // Never pass by skipping: a missing browser is a loud failure.
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's "chromium" package (.ci/run does).`);
  }
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) {
    throw new Error(`No build at ${CHROME_DIST}: run "npm run build:test" first.`);
  }
}

export async function launchChromium(
  options: {
    locale?: string;
    headless?: boolean;
    extraArgs?: string[];
    /** Another way to start Debian's Chromium (the policy test wraps it in a private mount namespace). */
    executablePath?: string;
    /** Keep this profile (and reuse it): a browser restart, or an extension update, on the same profile. */
    profileDir?: string;
    /** Load the extension from here instead of dist/test-chrome (same key, so the same extension id). */
    extensionDir?: string;
    /** The id of an extension from `extensionDir` whose manifest has another key or none (see unpackedExtensionId). */
    extensionId?: string;
    /** More unpacked extensions loaded beside ours (the bench's reference extension). */
    alsoLoad?: string[];
  } = {},
): Promise<ChromiumExtension> {
  assertChromiumInstalled();
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'callpop-chromium-'));
  const extensionDir = options.extensionDir ?? CHROME_DIST;
  const extensionId = options.extensionId ?? CHROME_EXTENSION_ID;
  const loaded = [extensionDir, ...(options.alsoLoad ?? [])].join(',');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-US',
    args: [
      `--disable-extensions-except=${loaded}`,
      `--load-extension=${loaded}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });

  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${extensionId}/`);
  const worker = async (): Promise<Worker> => {
    const found = context.serviceWorkers().find(isOurs);
    if (found) return found;
    return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  };
  await worker();

  let cdpPage: Page | null = null;
  const stopWorker = async (): Promise<void> => {
    cdpPage ??= await context.newPage();
    const cdp = await context.newCDPSession(cdpPage);
    const versions = new Promise<string[]>((resolveVersions) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> }) => {
        const ours = event.versions.filter((v) => v.scriptURL.includes(extensionId) && v.runningStatus !== 'stopped');
        if (ours.length > 0) resolveVersions(ours.map((v) => v.versionId));
      });
    });
    await cdp.send('ServiceWorker.enable');
    const ids = await Promise.race([versions, new Promise<string[]>((r) => setTimeout(() => r([]), 5000))]);
    if (ids.length === 0) throw new Error('no running extension service worker to stop');
    for (const versionId of ids) await cdp.send('ServiceWorker.stopWorker', { versionId });
    await cdp.detach();
    // Wait until Playwright has seen the worker go away.
    const deadline = Date.now() + 5000;
    while (context.serviceWorkers().some(isOurs) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  };

  const evalInWorker = async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> => {
    if (!context.serviceWorkers().some(isOurs)) {
      // Wake it the way a user would: opening an extension page starts the worker.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
      // A message wakes the worker at once (the popup alone may not send one); the background
      // answers an unknown message with an error and does nothing else.
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake' }).catch(() => undefined));
      await worker();
      await page.close();
    }
    // Arguments travel to the worker as JSON; the function is serialized, never a closure.
    const serializable = fn as unknown as (arg: unknown) => Promise<T>;
    return (await worker()).evaluate(serializable, arg as unknown);
  };

  return {
    context,
    extensionId,
    profileDir: profile,
    worker,
    evalInWorker,
    async openExtensionPage(path, opts = {}) {
      const page = await context.newPage();
      if (opts.colorScheme) await page.emulateMedia({ colorScheme: opts.colorScheme });
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    stopWorker,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a non-undefined value or the time runs out. */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
