/**
 * Quality on the side: the import's true pairs are known — each imported
 * record of an identity the seeded organisations hold, with each seeded
 * case of that identity — and compared with the overlaps created, by band.
 */
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import type { FtmPerson } from '@parallax/fingerprint';
import { overlapQuality, type Tally } from './quality.js';

export async function importQuality(
  client: pg.Client,
  opts: {
    /** the CLI's receipt file */
    receipt: string;
    seeded: ReadonlyArray<{ id: string; person: FtmPerson }>;
    importPersons: readonly FtmPerson[];
    importIdentity: readonly number[];
    sharedIds: ReadonlySet<number>;
    orgId: string;
    notified: ReadonlySet<string>;
  },
): Promise<{ expected: ReadonlySet<string>; all: Tally; notified: Tally; lines: string[] }> {
  const caseOfRecord = new Map(
    (await readFile(opts.receipt, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; caseId: string })
      .map((r) => [r.id, r.caseId]),
  );
  const seededByIdentity = new Map<number, string[]>();
  opts.seeded.forEach((c) => {
    const idx = Number(/-(\d+)$/u.exec(c.person.id)?.[1]);
    const list = seededByIdentity.get(idx) ?? [];
    list.push(c.id);
    seededByIdentity.set(idx, list);
  });
  // dja-i holds identity i; drw-i holds identity i as well (ids carry the identity index)
  const expected = new Set<string>();
  opts.importPersons.forEach((p, k) => {
    const idx = opts.importIdentity[k] as number;
    const mine = caseOfRecord.get(p.id);
    if (!mine || !opts.sharedIds.has(idx)) return;
    for (const other of seededByIdentity.get(idx) ?? [])
      expected.add(mine < other ? `${mine} ${other}` : `${other} ${mine}`);
  });
  const found = (
    await client.query(
      `SELECT case_a, case_b, strength FROM overlap WHERE $1 IN (org_a, org_b) AND retracted_at IS NULL`,
      [opts.orgId],
    )
  ).rows as Array<{ case_a: string; case_b: string; strength: string }>;
  const quality = overlapQuality(
    found.map((o) => ({ pair: `${o.case_a} ${o.case_b}`, strength: o.strength })),
    expected,
    opts.notified,
  );
  return { expected, ...quality };
}
