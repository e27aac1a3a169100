import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
const b = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, userDataDir: mkdtempSync('/tmp/ffw-'), args: ['--remote-allow-system-access'],
  extraPrefsFirefox: { 'alerts.useSystemBackend': false, 'extensions.webextensions.uuids': JSON.stringify({ 'callpop@callpop.example': '6f1c2a8e-4b7d-4e59-9a3c-0d2b7e8f1a64' }) } });
await b.installExtension('/work/wt-20/dist/firefox');
const conn = (b as any).connection;
const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
console.log(JSON.stringify(tree.result.contexts.map((c: any) => ({ id: c.context, url: c.url }))));
const ctx = tree.result.contexts[0].context;
const r = await conn.send('script.evaluate', { expression: `(() => { const msgs = Services.console.getMessageArray().map(m => m.message || String(m)).filter(s => /notifications|callpop|moz-extension/i.test(s)); return JSON.stringify(msgs.slice(-20)); })()`, target: { context: ctx }, awaitPromise: false });
console.log(JSON.stringify(r.result.result));
await b.close();
