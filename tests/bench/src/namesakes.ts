/**
 * `node tests/bench/dist/namesakes.js [N…]`: namesake rates of the
 * synthetic population (names/population.ts) at N identities (default
 * 10,000, 100,000 and 1,000,000): the share of identities that share a
 * given combination of name parts and birth facts with at least one other
 * identity. Latent names are compared (a name is the same name whatever its
 * spelling), so these are the collisions a perfect matcher would face.
 */
import { identities, prng, type Identity } from './generator.js';

const sizes = process.argv.slice(2).map(Number);
const counts = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];

interface Measure {
  readonly label: string;
  /** the key of an identity, or null when it does not apply */
  key(id: Identity): string | null;
}

const given = (id: Identity): string => `${id.culture.name}:${id.name.sex}:${id.name.given}`;
const family = (id: Identity): string => `${id.culture.name}:${id.name.family}`;
const year = (id: Identity): string | null => (id.birth ? String(id.birth.year) : null);

const MEASURES: readonly Measure[] = [
  { label: 'given + family name', key: (id) => `${given(id)}|${family(id)}` },
  {
    label: 'full name as written (given, middle if shown, family)',
    key: (id) => `${given(id)}|${id.name.showMiddle ? String(id.name.father) : '-'}|${family(id)}`,
  },
  {
    label: 'given + family + birth year (identities with a date)',
    key: (id) => (year(id) ? `${given(id)}|${family(id)}|${year(id)}` : null),
  },
  {
    label: 'given + family + full birth date (identities with a date)',
    key: (id) =>
      id.birth
        ? `${given(id)}|${family(id)}|${id.birth.year}-${id.birth.month}-${id.birth.day}`
        : null,
  },
  {
    label: 'East Slavic: given + patronymic + birth year (patronymic shown, dated)',
    key: (id) =>
      id.culture.name === 'slavic' && id.name.showMiddle && year(id)
        ? `${given(id)}|${String(id.name.father)}|${year(id)}`
        : null,
  },
  {
    label: "Arabic: given + father's name + birth year (father's name shown, dated)",
    key: (id) =>
      id.culture.name === 'arabic' && id.name.showMiddle && year(id)
        ? `${given(id)}|${String(id.name.father)}|${year(id)}`
        : null,
  },
  {
    label: "family name + middle name (siblings' pattern; middle shown)",
    key: (id) => (id.name.showMiddle ? `${family(id)}|${String(id.name.father)}` : null),
  },
];

const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
const lines: string[] = ['# Namesakes in the synthetic population (seed 20261122, as bench:hub)'];
for (const n of counts) {
  const t = performance.now();
  const pop = identities(prng(20261122), n);
  const ms = performance.now() - t;
  const siblings = pop.filter((p) => p.name.relative?.kind === 'sibling').length;
  const children = pop.filter((p) => p.name.relative?.kind === 'child').length;
  lines.push('');
  lines.push(
    `${n.toLocaleString('en-US')} identities (generated in ${(ms / 1000).toFixed(1)} s): ${pct(siblings, n)} siblings and ${pct(children, n)} children of an earlier identity`,
  );
  for (const m of MEASURES) {
    const groups = new Map<string, number>();
    let applicable = 0;
    for (const id of pop) {
      const k = m.key(id);
      if (k === null) continue;
      applicable++;
      groups.set(k, (groups.get(k) ?? 0) + 1);
    }
    let shared = 0;
    for (const id of pop) {
      const k = m.key(id);
      if (k !== null && (groups.get(k) ?? 0) > 1) shared++;
    }
    lines.push(`  ${m.label}: ${pct(shared, applicable)} of ${applicable.toLocaleString('en-US')}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
