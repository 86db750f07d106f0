import { describe, expect, it } from 'vitest';
import { readJson, vitestProjectNames } from './repository.js';

/** Projects that need a database, builds or a browser: they have scripts of their own. */
const NOT_UNIT = new Set(['api-integration', 'e2e']);

function projectsOf(script: string | undefined): string[] {
  return [...(script ?? '').matchAll(/--project[ =](\S+)/gu)].map((m) => m[1] ?? '');
}

describe('npm scripts', () => {
  const scripts = readJson('package.json').scripts ?? {};
  const projects = vitestProjectNames();

  it('test:unit runs every unit project', () => {
    const unit = [...projects.keys()].filter((name) => !NOT_UNIT.has(name)).sort();
    expect(unit).toContain('domain');
    expect(projectsOf(scripts['test:unit']).sort()).toEqual(unit);
  });

  it('name only projects that exist', () => {
    for (const script of ['test:unit', 'test:integration', 'test:e2e']) {
      for (const name of projectsOf(scripts[script]))
        expect(projects.has(name), `${script}: ${name}`).toBe(true);
    }
  });
});
