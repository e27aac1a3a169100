// Vite wraps every `import()` in a preload helper (about 0.8 KB gzip in each page that has one)
// that adds <link rel="modulepreload"> for the lazy chunk's imports and loads its CSS. Neither is
// needed here: a lazy import preloads no JavaScript (vite.config.ts `resolveDependencies`: the
// files come from the extension's own package, no network to overlap) and no lazy chunk carries
// CSS (each page's stylesheet is loaded by its HTML). So the helper becomes a plain call; a lazy chunk that ever brings CSS fails the
// build instead of silently losing its styles (issue 17).
import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';

export function lazyImportWithoutPreload(): Plugin {
  return {
    name: 'callpop:lazy-import-without-preload',
    enforce: 'pre',
    resolveId: (id) => (id === HELPER || id === 'vite/preload-helper.js' ? HELPER : null),
    load: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : null),
    // After Vite's own generateBundle, which writes the preload lists.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          // Vite lists the files to preload with __vite__mapDeps: with no JavaScript to preload, only CSS.
          if (file.type === 'chunk' && file.code.includes('__vite__mapDeps')) {
            this.error(`${file.fileName} lazy-loads a chunk that needs CSS; the plain import() of tools/build/lazy-import-without-preload.ts would not load it`);
          }
        }
      },
    },
  };
}
