import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Persistence lives in each module's `*.repository.ts`; services keep rules,
 * authorization and transaction boundaries, resolvers and controllers only
 * translate. This keeps new features from copying raw SQL back into them.
 */
const MODULES = dirname(fileURLToPath(import.meta.url));
const LAYERS = /\.(service|resolver|controller|guard)\.ts$/u;
const FORBIDDEN: Array<[string, RegExp]> = [
  ['a raw query', /\.query\s*[<(]/u],
  ['a TypeORM repository or query builder', /\b(getRepository|createQueryBuilder)\s*\(/u],
  [
    'an entity-manager write or read',
    /\b(m|manager|em|tx)\.(save|update|insert|delete|count|exists|find\w*)\s*\(/u,
  ],
  ['an SQL statement', /\b(SELECT\s|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+[a-z_]+\s+SET)\b/u],
  ['a cast of query rows', /\bas\s+Array</u],
];

/** Files allowed one kind of call, and why. */
const EXEMPT: Record<string, { what: string; why: string }> = {
  'jobs/jobs.service.ts': {
    what: 'a raw query',
    why: "hands pg-boss the caller's transaction, so a job is enqueued with the change that caused it",
  },
};

function layerFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return layerFiles(path);
    return LAYERS.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('persistence boundary', () => {
  const files = layerFiles(MODULES);

  it('finds the services, resolvers and controllers of the modules', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(MODULES, f), f]))(
    '%s has no SQL or data-access calls',
    (name, file) => {
      const source = readFileSync(file, 'utf8');
      const exempt = EXEMPT[name]?.what;
      const found = FORBIDDEN.filter(
        ([what, pattern]) => what !== exempt && pattern.test(source),
      ).map(([what]) => what);
      expect(found, 'move it into the module’s repository').toEqual([]);
    },
  );
});
