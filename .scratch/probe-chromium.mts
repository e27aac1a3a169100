import { launchChromium } from '/work/wt-20/tests/e2e/support/chromium';
const ext = await launchChromium();
const r = await ext.evalInWorker(async () => {
  const n = (globalThis as any).browser.notifications;
  const out: Record<string, unknown> = { update: typeof n.update, onButtonClicked: typeof n.onButtonClicked };
  const base = { type: 'basic', iconUrl: chrome.runtime.getURL('icons/icon-128.png'), title: 't', message: 'm' };
  for (const [k, v] of Object.entries({ requireInteraction: 'probe', buttons: 'probe', contextMessage: 7, silent: 'probe', bogus: 1 })) {
    try { const p = n.create('probe-' + k, { ...base, [k]: v }); out[k] = 'no sync throw'; try { await p; out[k] += ' created'; } catch (e: any) { out[k] += ' rejected: ' + e.message; } }
    catch (e: any) { out[k] = 'threw: ' + e.message; }
  }
  out.all = await n.getAll();
  return out;
});
console.log(JSON.stringify(r, null, 1));
await ext.close();
