import { it } from 'vitest';
import { launchChromium } from '/work/main/tests/e2e/support/chromium';
it('probe', async () => {
  const ext = await launchChromium();
  const p = await ext.openExtensionPage('icons/icon-128.png');
  console.log('icon page storage?', await p.evaluate(() => typeof (globalThis as any).chrome?.storage?.onChanged));
  const w = await ext.worker();
  console.log('worker perf memory', await w.evaluate(() => (performance as any).memory?.usedJSHeapSize ?? null));
  await ext.close();
});
