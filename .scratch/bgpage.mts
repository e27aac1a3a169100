import { launchFirefox } from '/work/wt-20/tests/e2e/support/firefox';
const ff = await launchFirefox();
const r = await ff.evalInWorker(async () => {
  const api = (globalThis as any).browser;
  const out: Record<string, unknown> = {};
  try {
    const bg = await api.runtime.getBackgroundPage();
    out.bg = !!bg; out.bgHref = bg?.location?.href;
    const n = bg.browser.notifications;
    out.hasListeners = typeof n.onButtonClicked.hasListeners;
    const orig = n.create;
    try { n.create = function (...a: unknown[]) { return orig.apply(this, a); }; out.patched = n.create !== orig; } catch (e: any) { out.patchErr = e.message; }
    out.same = bg.browser === bg.chrome;
  } catch (e: any) { out.err = e.message; }
  return out;
}, null);
console.log(JSON.stringify(r));
await ff.close();
