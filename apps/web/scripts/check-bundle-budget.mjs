#!/usr/bin/env node
// The initial route's JavaScript budget (issue 10, point 9): what a browser
// must download before the first page can show, gzipped, against the figure
// committed in apps/web/bundle-budget.json. On a slow 3G link (~500 kbit/s)
// every 10 kB gzipped costs about 0.16 s.
//
// "Initial" = the entry module script(s) of the built index.html, its
// modulepreload links, and every chunk they import statically (transitively).
// Dynamic import() chunks (lazy pages, languages other than English) and
// workers load later and do not count.
//
//   node apps/web/scripts/check-bundle-budget.mjs            check (exit 1 when over)
//   node apps/web/scripts/check-bundle-budget.mjs --json     the same, as JSON on stdout
//   … --dist <folder>                                       another build's output
//
// Each file is gzipped with node:zlib at level 9 (what a static server or a
// CDN with precompression sends); the sizes are deterministic for a build.
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import process from 'node:process';
import console from 'node:console';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const webRoot = fileURLToPath(new URL('..', import.meta.url));

/** @typedef {{ path: string, bytes: number, gzip: number }} BudgetFile */
/** @typedef {{ files: BudgetFile[], total: { bytes: number, gzip: number }, budget: number, ok: boolean }} BudgetResult */

/**
 * The attributes of each `<tag …>` in `html`, as lower-case-keyed maps.
 * @param {string} html
 * @param {string} tag
 * @returns {Map<string, string>[]}
 */
function tagsOf(html, tag) {
  const tags = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'giu'))) {
    const attributes = new Map();
    for (const attr of (match[1] ?? '').matchAll(
      /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu,
    )) {
      attributes.set((attr[1] ?? '').toLowerCase(), attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    tags.push(attributes);
  }
  return tags;
}

/**
 * Entry module scripts and modulepreload links of a built index.html, in document order.
 * @param {string} html
 * @returns {string[]}
 */
export function initialScriptUrls(html) {
  const entries = tagsOf(html, 'script')
    .filter((a) => a.get('type') === 'module' && a.get('src'))
    .map((a) => a.get('src') ?? '');
  const preloads = tagsOf(html, 'link')
    .filter((a) => (a.get('rel') ?? '').split(/\s+/u).includes('modulepreload') && a.get('href'))
    .map((a) => a.get('href') ?? '');
  return [...new Set([...entries, ...preloads])];
}

/**
 * Specifiers of the static imports and re-exports in a built (minified) ES
 * module: `import{a}from"./x.js"`, `import"./y.js"`, `export*from"./z.js"`.
 * Dynamic `import("./lazy.js")` is left out: it loads on demand.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
  /** @type {Set<string>} */
  const specifiers = new Set();
  const pattern =
    /(?:^|[;\n}])\s*(?:import\s*(?:[\w$*{},\s]+?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*)["']([^"']+)["']/gu;
  for (const match of code.matchAll(pattern)) if (match[1]) specifiers.add(match[1]);
  return [...specifiers];
}

/**
 * Site-relative path of `specifier` imported from the file at `fromPath` ("/assets/x.js").
 * @param {string} specifier
 * @param {string} fromPath
 * @returns {string | null}
 */
function resolvePath(specifier, fromPath) {
  if (/^[a-z]+:/iu.test(specifier) || specifier.startsWith('//')) return null; // other origin
  if (specifier.startsWith('/')) return posix.normalize(specifier);
  if (specifier.startsWith('.')) return posix.join(posix.dirname(fromPath), specifier);
  return null; // a bare specifier cannot be loaded by a browser as is
}

/**
 * Gzipped size (level 9) of `data`, in bytes.
 * @param {Uint8Array | string} data
 * @returns {number}
 */
export function gzipSize(data) {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
}

/**
 * Every JavaScript file the initial route loads, with its raw and gzipped
 * size: the entry and preloads of `dist/index.html`, then their static
 * imports, breadth first.
 * @param {string} distDir
 * @returns {Promise<BudgetFile[]>}
 */
export async function initialJavaScript(distDir) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const queue = initialScriptUrls(html)
    .map((url) => resolvePath(url, '/index.html'))
    .filter((path) => path !== null);
  /** @type {Set<string>} */
  const seen = new Set(queue);
  /** @type {BudgetFile[]} */
  const files = [];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const data = await readFile(join(distDir, ...path.split('/').filter(Boolean)));
    files.push({ path, bytes: data.length, gzip: gzipSize(data) });
    for (const specifier of staticImports(data.toString('utf8'))) {
      const next = resolvePath(specifier, path);
      if (next && next.endsWith('.js') && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return files;
}

/**
 * The files, their total, the budget, and whether the total is within it.
 * @param {BudgetFile[]} files
 * @param {number} budgetBytes
 * @returns {BudgetResult}
 */
export function judge(files, budgetBytes) {
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  return { files, total: { bytes, gzip }, budget: budgetBytes, ok: gzip <= budgetBytes };
}

const kB = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;

/**
 * A plain-text table, one line per file, largest first.
 * @param {BudgetResult} result
 * @returns {string}
 */
export function formatReport(result) {
  const rows = [...result.files].sort((a, b) => b.gzip - a.gzip);
  const width = Math.max(20, ...rows.map((r) => r.path.length));
  const line = (/** @type {string} */ name, /** @type {string} */ raw, /** @type {string} */ gz) =>
    `${name.padEnd(width)}  ${raw.padStart(10)}  ${gz.padStart(10)}`;
  const out = [line('initial route JS', 'raw', 'gzip -9')];
  for (const r of rows) out.push(line(r.path, kB(r.bytes), kB(r.gzip)));
  out.push(line('total', kB(result.total.bytes), kB(result.total.gzip)));
  const left = result.budget - result.total.gzip;
  out.push(
    `budget ${kB(result.budget)} gzipped: ${
      result.ok ? `OK, ${kB(left)} to spare` : `OVER by ${kB(-left)}`
    } (apps/web/bundle-budget.json)`,
  );
  return out.join('\n');
}

async function main() {
  const budget = JSON.parse(await readFile(join(webRoot, 'bundle-budget.json'), 'utf8'));
  const limit = budget.initialRouteJsGzipBytes;
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new Error('bundle-budget.json: initialRouteJsGzipBytes must be a positive integer');
  }
  const at = process.argv.indexOf('--dist');
  const distDir = (at > 0 ? process.argv[at + 1] : undefined) ?? join(webRoot, 'dist');
  const result = judge(await initialJavaScript(distDir), limit);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(formatReport(result));
  if (!result.ok) {
    console.error(
      'The initial route is over its JavaScript budget: load the new code lazily (React.lazy, import()), ' +
        'or raise the budget in apps/web/bundle-budget.json with a reason in the commit.',
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(
      error instanceof Error && 'code' in error && error.code === 'ENOENT'
        ? `${error.message}: build the web app first (nx run web:build)`
        : error,
    );
    process.exitCode = 1;
  });
}
