import { launchFirefox } from '/work/wt-20/tests/e2e/support/firefox';
const ff = await launchFirefox({ prefs: { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true } });
const r = await ff.evalInWorker(async () => {
  const api = (globalThis as any).browser;
  const out: Record<string, unknown> = {};
  const n = api.notifications;
  out.keys = Object.keys(n);
  out.update = typeof n.update;
  out.onButtonClicked = typeof n.onButtonClicked;
  out.getPermissionLevel = typeof n.getPermissionLevel;
  const base = { type: 'basic', iconUrl: api.runtime.getURL('icons/icon-128.png'), title: 't', message: 'm' };
  for (const [k, v] of Object.entries({ requireInteraction: "probe", buttons: "probe", contextMessage: 7, silent: "probe", priority: 2, eventTime: Date.now() })) {
    try { const p = n.create('probe-' + k, { ...base, [k]: v }); out[k + ':sync'] = 'ok'; try { await p; out[k] = 'created'; await n.clear('probe-' + k); } catch (e: any) { out[k] = 'rejected: ' + e.message; } }
    catch (e: any) { out[k + ':sync'] = 'threw: ' + e.message; }
  }
  // schema error without creating: missing title
  try { await n.create('probe-x', { type: 'basic', message: 'm', requireInteraction: true }); out.noTitle = 'created'; } catch (e: any) { out.noTitle = e.message; }
  try { await n.create('probe-y', { type: 'nonsense', requireInteraction: true }); out.badType = 'created'; } catch (e: any) { out.badType = e.message; }
  out.all = await n.getAll();
  return out;
}, null);
console.log(JSON.stringify(r, null, 1));
await ff.close();
