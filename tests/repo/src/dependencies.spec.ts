import { describe, expect, it } from 'vitest';
import {
  binNames,
  commandWords,
  coveredBy,
  declaredDependencies,
  importedPackages,
  installedPackage,
  readmeDependencyNames,
} from './repository.js';

const declared = declaredDependencies();
const imported = importedPackages();
const commands = commandWords();
const table = readmeDependencyNames();

/**
 * Loaded at run time by a package that does not declare it: nothing in the
 * repository names these, yet removing them breaks a command. Keep it short.
 */
const UNDECLARED_RUNTIME_NEEDS: Record<string, string> = {
  'typescript-eslint':
    "required by @nx/eslint-plugin's flat configs (eslint.config.js), which do not declare it",
};

/**
 * A dependency is used when some file imports it, some command runs one of
 * its executables, it is a peer a used package requires (e.g. the parser a
 * lint preset loads), or it types one of those (`@types/x` for `x`).
 */
function usedDependencies(): Set<string> {
  const used = new Set<string>();
  for (const name of declared.keys()) {
    if (
      imported.has(name) ||
      name in UNDECLARED_RUNTIME_NEEDS ||
      binNames(name).some((bin) => commands.has(bin))
    ) {
      used.add(name);
    }
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const name of declared.keys()) {
      if (used.has(name)) continue;
      const typed = name.startsWith('@types/') ? typesTarget(name) : undefined;
      const peerOfUsed = [...used].some((u) => {
        const pkg = installedPackage(u);
        return name in { ...pkg.peerDependencies, ...pkg.peerDependenciesMeta };
      });
      // `node:*` imports are not listed (built-ins), yet they are what @types/node types.
      if (peerOfUsed || (typed && (typed === 'node' || used.has(typed) || imported.has(typed)))) {
        used.add(name);
        grew = true;
      }
    }
  }
  return used;
}

/** `@types/scope__name` → `@scope/name`, `@types/x` → `x`. */
function typesTarget(name: string): string {
  const bare = name.slice('@types/'.length);
  return bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
}

/** `@scope/name` → `@types/scope__name`, `x` → `@types/x`. */
function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

describe('dependencies', () => {
  it('are all used: imported, run as a command, or a peer of a used package', () => {
    const used = usedDependencies();
    const unused = [...declared]
      .filter(([name]) => !used.has(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(unused, 'declared but never used: remove them, or use them').toEqual([]);
  });

  it('cover every imported package', () => {
    const undeclared = [...imported]
      // A type-only import of `x` is satisfied by `@types/x`.
      .filter(([name]) => !declared.has(name) && !declared.has(typesPackage(name)))
      .map(([name, files]) => `${name} (imported by ${files.slice(0, 3).join(', ')})`);
    expect(undeclared, 'imported but not in package.json').toEqual([]);
  });

  it("each have a row in the README's 'Dependencies and why' table", () => {
    expect(table.length).toBeGreaterThan(0);
    const unexplained = [...declared.keys()].filter((name) => !coveredBy(table, name));
    expect(unexplained, 'in package.json but not in the README table').toEqual([]);
  });

  it("are the only packages the README's table names", () => {
    const stale = table.filter((entry) =>
      entry.endsWith('/*')
        ? ![...declared.keys()].some((name) => name.startsWith(entry.slice(0, -1)))
        : !declared.has(entry),
    );
    expect(stale, 'in the README table but not in package.json').toEqual([]);
  });
});
