import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  '.git',
  '.nx',
  '.data',
  'coverage',
  'tmp',
  'test-results',
]);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|tsx|jsx)$/u;

interface PackageJson {
  name?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
  bin?: string | Record<string, string>;
  workspaces?: string[];
}

export function readJson<T = PackageJson>(path: string): T {
  return JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as T;
}

/** Repository-relative paths of every file under `dir` (build output and installs excluded). */
function filesUnder(dir = '', match: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...filesUnder(path, match));
    } else if (match(path)) {
      out.push(path);
    }
  }
  return out;
}

/** Folders of the npm workspaces (`apps/*`, `libs/*`, `tests/*`) holding a package.json. */
function workspaceDirs(): string[] {
  const root = readJson('package.json');
  return (root.workspaces ?? []).flatMap((pattern) => {
    const parent = pattern.replace(/\/\*$/u, '');
    return readdirSync(join(REPO_ROOT, parent))
      .map((name) => `${parent}/${name}`)
      .filter((dir) => existsSync(join(REPO_ROOT, dir, 'package.json')));
  });
}

/** External dependencies declared by the root package.json and by any workspace package. */
export function declaredDependencies(): Map<string, string> {
  const out = new Map<string, string>();
  const workspaces = workspacePackageNames();
  for (const file of ['package.json', ...workspaceDirs().map((d) => `${d}/package.json`)]) {
    const pkg = readJson(file);
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      if (!workspaces.has(name) && !out.has(name)) out.set(name, file);
    }
  }
  return out;
}

function workspacePackageNames(): Set<string> {
  return new Set(workspaceDirs().map((dir) => readJson(`${dir}/package.json`).name ?? dir));
}

// `from` inside a string (a generated document's `"value":"from"`) is no import.
const SPECIFIER =
  /(?:(?<!['"])\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire(?:\.resolve)?\s*\(\s*|\bvi\.mock\s*\(\s*)['"]([^'"\n]+)['"]/gu;
const BUILTINS = new Set(builtinModules);

/** `@scope/name/sub/path` → `@scope/name`; relative, built-in and virtual specifiers → undefined. */
function packageOf(specifier: string): string | undefined {
  const bare = specifier.split('?')[0] ?? '';
  if (/^(?:\.|\/|node:|virtual:|#)/u.test(bare) || bare === '') return undefined;
  const parts = bare.split('/');
  const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return BUILTINS.has(name) ? undefined : name;
}

/** Every external package imported by a source, config or script file, with the files importing it. */
export function importedPackages(
  files = filesUnder('', (p) => SOURCE_FILE.test(p)),
): Map<string, string[]> {
  const workspaces = workspacePackageNames();
  const out = new Map<string, string[]>();
  for (const file of files) {
    const text = withoutComments(readFileSync(join(REPO_ROOT, file), 'utf8'));
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      const name = specifier ? packageOf(specifier) : undefined;
      if (!name || workspaces.has(name)) continue;
      out.set(name, [...(out.get(name) ?? []), file]);
    }
  }
  return out;
}

/** Drops comment lines (a JSDoc `import('x')` type names no dependency). */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(?:\/\/|\/\*|\*)/u.test(line))
    .join('\n');
}

/** Words of every command the repository runs: npm scripts, Nx targets, CI and the Dockerfile. */
export function commandWords(): Set<string> {
  const commands = Object.values(readJson('package.json').scripts ?? {});
  for (const file of filesUnder('', (p) => p.endsWith('project.json'))) {
    collectCommands(readJson<unknown>(file), commands);
  }
  for (const file of ['.ci/run', 'deploy/Dockerfile']) {
    if (existsSync(join(REPO_ROOT, file)))
      commands.push(readFileSync(join(REPO_ROOT, file), 'utf8'));
  }
  return new Set(commands.flatMap((c) => c.split(/[\s;&|()"'`]+/u)).filter(Boolean));
}

function collectCommands(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectCommands(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'command' || key === 'commands') && typeof value === 'string') out.push(value);
      else collectCommands(value, out);
    }
  }
}

/** The installed package.json of a dependency (for its executables and peers). */
export function installedPackage(name: string): PackageJson {
  const file = join('node_modules', name, 'package.json');
  return existsSync(join(REPO_ROOT, file)) ? readJson(file) : {};
}

export function binNames(name: string): string[] {
  const { bin } = installedPackage(name);
  if (typeof bin === 'string') return [name.split('/').pop() ?? name];
  return Object.keys(bin ?? {});
}

/** Backquoted names of the README's "Dependencies and why" table; `@scope/*` entries are wildcards. */
export function readmeDependencyNames(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Dependencies and why');
  if (start < 0) return [];
  const rest = readme.slice(start + 1);
  const end = rest.search(/^#{2,3} /mu);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/u.test(line))
    .slice(1) // header row
    .flatMap((line) =>
      [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/gu)].map((m) => m[1] ?? ''),
    );
}

export function coveredBy(entries: string[], name: string): boolean {
  return entries.some((e) => (e.endsWith('/*') ? name.startsWith(e.slice(0, -1)) : e === name));
}

/** `name` of every Vitest project config in the repository. */
export function vitestProjectNames(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of filesUnder('', (p) => /(?:^|\/)vitest(?:\.[a-z]+)?\.config\.ts$/u.test(p))) {
    const name = /\bname:\s*'([^']+)'/u.exec(readFileSync(join(REPO_ROOT, file), 'utf8'))?.[1];
    if (name) out.set(name, file);
  }
  return out;
}
