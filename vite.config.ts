// One source tree, one browser per build: `vite build --mode chrome|firefox` writes dist/<browser>/.
// CALLPOP_TEST=1 makes the test build (dist/test-<browser>/): the only one holding the test
// hooks and the bench's timing probe (`__CALLPOP_TEST__`, src/build-flags.d.ts).
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, type TargetBrowser } from './tools/build/manifest-for.ts';
import { lazyImportWithoutPreload } from './tools/build/lazy-import-without-preload.ts';

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
        // Shared chunks named by their hash alone: every import names a file, and the module-derived
        // names ("reconnect-policy-…") said little about what a chunk holds anyway (-0.5 KB gzip, issue 17).
        output: { chunkFileNames: 'assets/[hash].js' },
        input: { 'confirm-dial': 'src/dial/confirm-dial.html', ...(browser === 'chrome' ? { offscreen: 'src/offscreen/offscreen.html' } : {}) },
      },
    },
  };
});
