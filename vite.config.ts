// One source tree, one browser per build: `vite build --mode chrome|firefox` writes dist/<browser>/.
// CALLPOP_TEST=1 makes the test build (dist/test-<browser>/): the only one holding the test
// hooks and the bench's timing probe (`__CALLPOP_TEST__`, src/build-flags.d.ts).
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type TargetBrowser } from './tools/build/manifest-for.ts';
import { lazyImportWithoutPreload } from './tools/build/lazy-import-without-preload.ts';

// What the background, the popup and the options page all load: zod/mini, the polyfill, the
// storage core with the items all three read, the UI strings and the page messages. One chunk
// instead of the three the bundler would cut (it splits by which pages reach each module, and
// the dial window and Chrome's offscreen document reach only part of it): -0.5 to -0.7 KB gzip in
// each of the three and in total, for 1.5 KB more in the dial window and 3.7 KB in the offscreen
// document (issue 17, docs/performance.md "3. Size").
const CORE_MODULES =
  /node_modules[\\/](zod|webextension-polyfill)[\\/]|src[\\/](platform[\\/](browser-api|ui-strings|messages|zod-config)|storage[\\/](area|item|items|keys|serial-queue|byte-budget|quarantine)|settings[\\/]ui-languages|i18n[\\/]catalog-translator|connection[\\/](connection-test-report|health|keep-alive-verdict|reconnect-policy)|calls[\\/]call-note|rest[\\/](rest-errors|rest-status))\.ts/;

export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  // The store package leaves out the development `key` (the store assigns the id).
  const store = process.env.CALLPOP_STORE === '1';
  const testBuild = process.env.CALLPOP_TEST === '1' && !store;
  // A self-hosted package (npm run package -- --self-hosted URL) names its update server instead.
  const selfHostedBase = process.env.CALLPOP_SELF_HOSTED_BASE || undefined;
  return {
    plugins: [lazyImportWithoutPreload(), preact(), crx({ manifest: manifestFor(browser, { store, selfHostedBase }), browser })],
    define: { __CALLPOP_TEST__: JSON.stringify(testBuild && !selfHostedBase) },
    build: {
      outDir: selfHostedBase ? `dist/self-hosted-${browser}` : store ? `dist/store-${browser}` : testBuild ? `dist/test-${browser}` : `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'chrome' ? 'chrome116' : 'firefox128',
      // Minified, and no source maps in what ships: the stores' reviewers read source.zip.
      minify: true,
      sourcemap: false,
      // Every browser we support (Chrome 116+, Firefox 128+) has <link rel="modulepreload">: the
      // polyfill was 0.4 KB gzip in each page for nothing (issue 17). Each page's HTML still
      // preloads what it imports; a lazy import preloads nothing (lazy-import-without-preload.ts).
      modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
      // Pages the manifest does not name: the dial confirmation window (both browsers) and
      // Chrome's offscreen document (ring sound, clipboard).
      rollupOptions: {
        output: {
          // Shared chunks named by their hash alone: every import names a file, and the module-derived
          // names ("reconnect-policy-…") said little about what a chunk holds anyway (-0.5 KB gzip, issue 17).
          chunkFileNames: 'assets/[hash].js',
          codeSplitting: { groups: [{ name: 'core', test: CORE_MODULES }] },
        },
        input: { 'confirm-dial': 'src/dial/confirm-dial.html', ...(browser === 'chrome' ? { offscreen: 'src/offscreen/offscreen.html' } : {}) },
      },
    },
  };
});
