// Issue 19 §2 "Export for IT" in the real options page: the fold loads the generator on demand,
// the page offers every platform's policy file for the saved settings, the API key is left out
// until the admin ticks the box, and the fold passes axe-core.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe';
import { CHROME_EXTENSION_ID, launchChromium, type ChromiumExtension } from './support/chromium';
import { configureExtension, settingsFor, startLoopbackSimulator } from './support/extension-setup';
import type { Simulator } from '../../tools/simulator/simulator';

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const say = (key: string) => en[key]!.message;
const SECRET = 'Exp0rt+Secret@Key';

describe('Export for IT in Chromium', () => {
  let sim: Simulator | undefined;
  let ext: ChromiumExtension | undefined;
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
  });

  it('offers the policy files for the saved settings, the key only when ticked', async () => {
    sim = await startLoopbackSimulator();
    ext = await launchChromium();
    await configureExtension(ext, settingsFor(sim, { apiKey: SECRET, language: 'en', historyLimit: 900 }));
    const page = await ext.openExtensionPage('src/options/options.html');
    await page.getByText(say('optionsExportHeading')).click({ timeout: 30_000 });
    const chromeId = page.getByLabel(say('optionsExportChromeId'), { exact: true });
    // This browser's id is offered; the Chrome Web Store update address by default.
    await expect.poll(() => chromeId.inputValue(), { timeout: 15_000 }).toBe(CHROME_EXTENSION_ID);
    expect(await page.getByLabel(say('optionsExportUpdateUrl'), { exact: true }).inputValue()).toBe('https://clients2.google.com/service/update2/crx');
    await page.getByLabel(say('optionsExportFirefoxUrl'), { exact: true }).fill('https://intranet.example/callpop.xpi');

    const exported = async (): Promise<Record<string, string>> => {
      await page.getByRole('button', { name: say('optionsExportMake') }).click();
      await page.getByTestId('export-files').waitFor();
      return page.evaluate(async () => {
        const out: Record<string, string> = {};
        for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-testid="export-files"] a')) {
          const bytes = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
          // The .reg files are UTF-16LE with a byte order mark (what regedit reads).
          out[a.download] = bytes[0] === 0xff && bytes[1] === 0xfe ? new TextDecoder('utf-16le').decode(bytes.subarray(2)) : new TextDecoder().decode(bytes);
        }
        return out;
      });
    };
    let files = await exported();
    expect(Object.keys(files).sort()).toEqual([
      'chrome-linux-callpop.json', 'chrome-macos.mobileconfig', 'chrome-windows-machine.reg', 'chrome-windows-user.reg',
      'edge-linux-callpop.json', 'edge-macos.mobileconfig', 'edge-windows-machine.reg', 'edge-windows-user.reg',
      'firefox-policies.json',
    ]);
    expect(JSON.parse(files['chrome-linux-callpop.json']!)).toEqual({
      ExtensionInstallForcelist: [`${CHROME_EXTENSION_ID};https://clients2.google.com/service/update2/crx`],
      '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { domain: `127.0.0.1:${sim.port}`, historyLimit: 900, language: 'en' } } },
    });
    expect(files['chrome-windows-machine.reg']).toContain(`[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy]`);
    for (const [name, body] of Object.entries(files)) expect(body, name).not.toContain(SECRET);

    await page.getByLabel(say('optionsExportIncludeKey'), { exact: true }).check();
    files = await exported();
    expect(JSON.parse(files['firefox-policies.json']!)).toMatchObject({ policies: { '3rdparty': { Extensions: { 'callpop@callpop.example': { apiKey: SECRET } } } } });
    expect(files['edge-macos.mobileconfig']).toContain(`<string>${SECRET.replace('&', '&amp;')}</string>`);

    const violations = await axeViolations(page);
    expect(violations, `axe-core on Export for IT:\n${describeViolations(violations)}`).toEqual([]);
  });
});
