import pg from 'pg';

/**
 * A working group's activity over the last months, written straight into the
 * demo app's database, so the metrics release of last month (and the month
 * before) has cells well above the threshold, fed by more than three
 * organisations. Cases carry only references and tags: nothing here could
 * name a person.
 */

/** 'YYYY-MM' of the calendar month (UTC) `monthsAgo` months before now's. */
export function periodMonthsAgo(monthsAgo: number, now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Noon UTC of `day` in the month `monthsAgo` months before now's. */
function dayOf(monthsAgo: number, day: number, now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day, 12));
}

/** Two more civil-society members next to the demo's three, so cells can be fed by ≥ 3 of 5. */
const EXTRA_MEMBERS = ['Demo Witness Network', 'Demo Legal Aid Initiative'];

// Tags of the fixed vocabularies (libs/domain/src/cases.ts: SITUATIONS, CRIME_CATEGORIES).
const SITUATIONS_USED = ['syria', 'syria', 'iraq', 'syria', 'yemen'];
const CRIMES_USED = [
  ['torture', 'arbitrary_detention'],
  ['enforced_disappearance'],
  ['torture'],
  ['attacks_on_civilians', 'war_crimes'],
  ['arbitrary_detention', 'enforced_disappearance', 'torture'],
];

export interface MetricsSeedPlan {
  /** Cases registered in each month, by months ago (all still active). */
  cases: ReadonlyArray<{ monthsAgo: number; count: number }>;
  /** Overlaps detected in each month between that month's cases, by months ago. */
  overlaps: ReadonlyArray<{ monthsAgo: number; count: number }>;
}

/**
 * Last month: 40 new cases (66 active) and 20 overlaps across five
 * organisations; the month before: 26 cases and only 4 overlaps — below the
 * threshold, so that month's overlap count is suppressed whatever the noise
 * draws (the "—" the donor's table must show).
 */
export const METRICS_SEED_PLAN: MetricsSeedPlan = {
  cases: [
    { monthsAgo: 2, count: 26 },
    { monthsAgo: 1, count: 40 },
  ],
  overlaps: [
    { monthsAgo: 2, count: 4 },
    { monthsAgo: 1, count: 20 },
  ],
};

export interface MetricsSeed {
  memberOrganisationIds: string[];
  caseCount: number;
  overlapCount: number;
}

/**
 * Seeds `workingGroupId` (the demo group, made seconds ago) as if it had
 * worked for half a year: the group and its memberships are back-dated (a
 * release is only made for a month the group existed in), two members are
 * added, then cases and overlaps follow `plan`. Cases are spread round-robin
 * over the members, and each overlap pairs two consecutive cases of one
 * month, so its two organisations always differ.
 */
export async function seedMetricsData(
  db: pg.Client,
  workingGroupId: string,
  plan: MetricsSeedPlan = METRICS_SEED_PLAN,
): Promise<MetricsSeed> {
  const halfAYearAgo = dayOf(6, 1);
  await db.query('BEGIN');
  try {
    await db.query('UPDATE working_group SET created_at = $2 WHERE id = $1', [
      workingGroupId,
      halfAYearAgo,
    ]);
    for (const name of EXTRA_MEMBERS) {
      const org = await db.query<{ id: string }>(
        `INSERT INTO organisation (name, kind, created_at) VALUES ($1, 'cso', $2) RETURNING id`,
        [name, halfAYearAgo],
      );
      await db.query(
        `INSERT INTO working_group_member (working_group_id, organisation_id, status, invited_at, joined_at)
         VALUES ($1, $2, 'active', $3, $3)`,
        [workingGroupId, org.rows[0]?.id, halfAYearAgo],
      );
    }
    await db.query(
      `UPDATE working_group_member SET invited_at = $2, joined_at = $2
        WHERE working_group_id = $1 AND status = 'active'`,
      [workingGroupId, halfAYearAgo],
    );
    const members = await db.query<{ id: string }>(
      `SELECT m.organisation_id AS id FROM working_group_member m
         JOIN organisation o ON o.id = m.organisation_id
        WHERE m.working_group_id = $1 AND m.status = 'active' AND o.kind = 'cso'
        ORDER BY o.name`,
      [workingGroupId],
    );
    const memberIds = members.rows.map((r) => r.id);
    if (memberIds.length < 4) throw new Error(`Only ${memberIds.length} members to seed`);

    let caseCount = 0;
    let overlapCount = 0;
    for (const { monthsAgo, count } of plan.cases) {
      const ids: Array<{ id: string; org: string }> = [];
      for (let i = 0; i < count; i += 1) {
        const org = memberIds[i % memberIds.length] ?? '';
        const crimes = CRIMES_USED[i % CRIMES_USED.length] ?? [];
        const at = dayOf(monthsAgo, 2 + (i % 20));
        const created = await db.query<{ id: string }>(
          `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, situation_tags,
                                      crime_tags, epoch, idempotency_key, created_at, updated_at)
           VALUES ($1, $2, $3, 'active', $4, $5, 1, $6, $7, $7) RETURNING id`,
          [
            workingGroupId,
            org,
            `MET-${monthsAgo}-${String(i + 1).padStart(3, '0')}`,
            [SITUATIONS_USED[i % SITUATIONS_USED.length]],
            crimes,
            `metrics-seed-${monthsAgo}-${i}`,
            at,
          ],
        );
        ids.push({ id: created.rows[0]?.id ?? '', org });
        caseCount += 1;
      }
      const overlaps = plan.overlaps.find((o) => o.monthsAgo === monthsAgo)?.count ?? 0;
      if (overlaps * 2 > ids.length) throw new Error(`Too few cases for ${overlaps} overlaps`);
      for (let k = 0; k < overlaps; k += 1) {
        const [x, y] = [ids[2 * k], ids[2 * k + 1]];
        if (!x || !y) break;
        // The table wants case_a < case_b (and org_a <> org_b): let PostgreSQL order the pair.
        await db.query(
          `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds,
                                created_at, updated_at)
           SELECT $1, LEAST($2::uuid, $3::uuid), GREATEST($2::uuid, $3::uuid),
                  CASE WHEN $2::uuid < $3::uuid THEN $4::uuid ELSE $5::uuid END,
                  CASE WHEN $2::uuid < $3::uuid THEN $5::uuid ELSE $4::uuid END,
                  0.9, 'strong', '{id.passport}', $6, $6`,
          [workingGroupId, x.id, y.id, x.org, y.org, dayOf(monthsAgo, 24)],
        );
        overlapCount += 1;
      }
    }
    await db.query('COMMIT');
    return { memberOrganisationIds: memberIds, caseCount, overlapCount };
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** Seeds the working group named `group` in the app's database; answers its id. */
export async function seedMetricsApp(databaseUrl: string, group: string): Promise<string> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const found = await db.query<{ id: string }>('SELECT id FROM working_group WHERE name = $1', [
      group,
    ]);
    const id = found.rows[0]?.id;
    if (!id) throw new Error(`No working group ${group}`);
    await seedMetricsData(db, id);
    return id;
  } finally {
    await db.end();
  }
}
