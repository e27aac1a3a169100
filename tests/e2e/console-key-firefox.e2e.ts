// Issue 20: while the PBX cannot be reached, Firefox itself logs "can't establish a connection to
// the server at ws://…apiKey=…" for each failed attempt. The extension cannot change what the
// browser logs for the URL the protocol defines (docs/security.md says so); what it controls is
// that there is one such line per attempt and no more (the backoff spaces the attempts), and that
// none of its own console lines carries the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { waitFor } from './support/chromium';
import { launchFirefox, type FirefoxExtension } from './support/firefox';
import { consoleMessages, evalInChrome } from './support/firefox-chrome';
import { configureExtension, freePort } from './support/extension-setup';
import { readHealth } from './support/extension-state';
import { DEFAULT_SETTINGS } from '../../src/settings/settings-schema';

const KEY = 'Console-Key-7391';

/** Every console API call made so far (console.log/warn/error from any page or the background), as text. */
async function consoleApiLines(ff: FirefoxExtension): Promise<string[]> {
  return z.array(z.string()).parse(
    await evalInChrome(
      ff,
      `JSON.stringify(Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).getEvents().map((e) => (e.arguments ?? []).map((a) => { try { return typeof a === 'string' ? a : JSON.stringify(a) ?? String(a); } catch { return String(a); } }).join(' ')))`,
    ),
  );
}

describe('an unreachable PBX in Firefox', () => {
  let ff: FirefoxExtension;
  beforeAll(async () => {
    ff = await launchFirefox({ systemAccess: true });
    // Nothing listens on this port: every handshake fails at once.
    await configureExtension(ff, { ...DEFAULT_SETTINGS, domain: `127.0.0.1:${await freePort()}`, apiKey: KEY, subscriber: '101' });
  });
  afterAll(async () => ff?.close());

  it("Firefox's own line with the key comes once per failed attempt, and no line of the extension's carries the key", async () => {
    await waitFor(async () => ((await readHealth(ff))?.failedAttempts ?? 0) >= 3 || undefined, 'three failed attempts', 60_000);
    await new Promise((r) => setTimeout(r, 5_000));
    const lines = await consoleMessages(ff, KEY);
    const attempts = (await readHealth(ff))!.failedAttempts;
    const firefoxOwn = lines.filter((line) => /establish a connection to the server/.test(line));
    expect(firefoxOwn.length).toBeGreaterThanOrEqual(3);
    // One per attempt (the one under way may have logged before it was counted).
    expect(firefoxOwn.length).toBeLessThanOrEqual(attempts + 1);
    expect(lines.filter((line) => !firefoxOwn.includes(line))).toEqual([]);
    expect((await consoleApiLines(ff)).filter((line) => line.includes(KEY))).toEqual([]);
  });
});
