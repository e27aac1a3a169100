// Gzip sizes of a built extension: each entry (the files it loads, following static imports)
// and the total of every JavaScript file. Deterministic for a given build, so budgets can be asserted.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';

export interface BundleSizes {
  browser: string;
  /** What each page or the background loads: its entry chunk plus every chunk it imports. */
  entries: Array<{ name: string; files: string[]; gzipBytes: number }>;
  /** Every built JavaScript file: entry chunks and shared chunks, each on its own. */
  chunks: Array<{ file: string; gzipBytes: number }>;
  totalJsGzipBytes: number;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** The file and everything it imports statically (`import … from "./x.js"` / `import "./x.js"`). */
function closure(root: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["']([^"']+\.js)["']/g)) {
    const spec = match[1]!;
    const target = spec.startsWith('/') ? join(root, spec) : resolve(dirname(file), spec);
    closure(root, target, seen);
  }
  return seen;
}

/** Entry scripts of an HTML page (`<script type="module" src=…>`). */
function htmlEntries(root: string, htmlPath: string): string[] {
  const html = readFileSync(join(root, htmlPath), 'utf8');
  return [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) =>
    m[1]!.startsWith('/') ? join(root, m[1]!) : resolve(dirname(join(root, htmlPath)), m[1]!),
  );
}

export function bundleSizes(dist: string): BundleSizes {
  const root = resolve(dist);
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    background: { service_worker?: string; scripts?: string[] };
    action?: { default_popup?: string };
    options_ui?: { page?: string };
  };
  const backgroundFiles = manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? []);
  const pages: Array<[string, string[]]> = [
    ['background', backgroundFiles.map((f) => join(root, f))],
    ['popup', manifest.action?.default_popup ? htmlEntries(root, manifest.action.default_popup) : []],
    ['options', manifest.options_ui?.page ? htmlEntries(root, manifest.options_ui.page) : []],
  ];
  const entries = pages.map(([name, starts]) => {
    const files = new Set<string>();
    for (const start of starts) for (const f of closure(root, start)) files.add(f);
    const list = [...files].sort();
    return { name, files: list.map((f) => relative(root, f)), gzipBytes: list.reduce((sum, f) => sum + gzipBytes(f), 0) };
  });
  const chunks = jsFiles(root)
    .map((f) => ({ file: relative(root, f), gzipBytes: gzipBytes(f) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const totalJsGzipBytes = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  return { browser: root.split('/').pop() ?? root, entries, chunks, totalJsGzipBytes };
}
