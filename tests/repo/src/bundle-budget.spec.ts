import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
/** A built index.html as Vite writes it (entry, preloads, a stylesheet). */
const INDEX_HTML = `<!doctype html>
<html lang="en"><head>
  <script type="module" crossorigin src="/assets/index-A1.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/react-B2.js">
  <link rel='modulepreload' href='/assets/vendor-C3.js'>
  <link rel="stylesheet" crossorigin href="/assets/index-D4.css">
  <link rel="icon" href="/favicon.svg">
</head><body><script>window.inline = 1;</script></body></html>`;

const ENTRY = [
  'import{a as e}from"./react-B2.js";import"./shared-E5.js";',
  'export*from"./reexport-F6.js";',
  'const lazy=()=>import("./LazyPage-G7.js");',
  'const text="import x from \'./in-a-string.js\'";',
].join('');

interface BudgetFile {
  path: string;
  bytes: number;
  gzip: number;
}
interface BudgetResult {
  files: BudgetFile[];
  total: { bytes: number; gzip: number };
  budget: number;
  ok: boolean;
}
/** The web project's build script (plain JavaScript, type-checked by its own tsconfig.node.json). */
interface BudgetScript {
  initialScriptUrls(html: string): string[];
  staticImports(code: string): string[];
  gzipSize(data: Uint8Array | string): number;
  initialJavaScript(distDir: string): Promise<BudgetFile[]>;
  judge(files: BudgetFile[], budgetBytes: number): BudgetResult;
  formatReport(result: BudgetResult): string;
}
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCRIPT = pathToFileURL(join(REPO_ROOT, 'apps/web/scripts/check-bundle-budget.mjs')).href;
const { formatReport, gzipSize, initialJavaScript, initialScriptUrls, judge, staticImports } =
  (await import(SCRIPT)) as BudgetScript;

const dist = mkdtempSync(join(tmpdir(), 'parallax-budget-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, path), content);
}

describe('the initial-route JavaScript budget script', () => {
  it('takes the entry module and the modulepreloads from index.html, not styles or inline scripts', () => {
    expect(initialScriptUrls(INDEX_HTML)).toEqual([
      '/assets/index-A1.js',
      '/assets/react-B2.js',
      '/assets/vendor-C3.js',
    ]);
  });

  it('follows static imports and re-exports, not dynamic import()', () => {
    const found = staticImports(ENTRY);
    expect(found).toEqual(
      expect.arrayContaining(['./react-B2.js', './shared-E5.js', './reexport-F6.js']),
    );
    expect(found).not.toContain('./LazyPage-G7.js');
  });

  it('sums gzipped sizes over the initial files only, and judges against the budget', async () => {
    write('index.html', INDEX_HTML);
    write('assets/index-A1.js', ENTRY);
    write('assets/react-B2.js', 'export const a=1;'.repeat(50));
    write('assets/vendor-C3.js', 'export const v=2;');
    write('assets/shared-E5.js', 'import"./deep-H8.js";');
    write('assets/deep-H8.js', 'export const d=3;');
    write('assets/reexport-F6.js', 'export const r=4;');
    write('assets/LazyPage-G7.js', 'x'.repeat(10_000));

    const files = await initialJavaScript(dist);
    expect(files.map((f) => f.path).sort()).toEqual([
      '/assets/deep-H8.js',
      '/assets/index-A1.js',
      '/assets/react-B2.js',
      '/assets/reexport-F6.js',
      '/assets/shared-E5.js',
      '/assets/vendor-C3.js',
    ]);
    const react = files.find((f) => f.path === '/assets/react-B2.js');
    expect(react?.gzip).toBe(gzipSize(readFileSync(join(dist, 'assets/react-B2.js'))));
    expect(react?.bytes).toBe('export const a=1;'.length * 50);

    const total = files.reduce((sum, f) => sum + f.gzip, 0);
    expect(judge(files, total).ok).toBe(true);
    const over = judge(files, total - 1);
    expect(over.ok).toBe(false);
    expect(formatReport(over)).toMatch(/OVER by/u);
  });
});
