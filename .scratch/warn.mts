import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
const b = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, dumpio: true, userDataDir: mkdtempSync('/tmp/ffw-'),
  extraPrefsFirefox: { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true, 'alerts.useSystemBackend': false } });
await b.installExtension('/work/wt-20/dist/firefox');
await new Promise((r) => setTimeout(r, 4000));
await b.close();
