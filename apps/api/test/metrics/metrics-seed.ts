import type { TrueCell } from '@parallax/domain';
import type { DataSource } from 'typeorm';
import type { World } from '../support/world.js';

/** The hub's clock in the metrics suites: mid-December 2026 (October is computed by hand, the minute's sweep takes November). */
export const NOW = new Date('2026-12-15T12:00:00Z');
export const TRUTH_MONTH = '2026-10';
/** Long before every period the suites compute: groups and memberships date from then. */
export const FOUNDED = '2025-01-01T00:00:00Z';

export interface MetricsSeed {
  orgA3: string;
  orgA4: string;
}

/**
 * A handcrafted October 2026 in working group 1, written as the database
 * owner would (the hub's context): four member organisations, 37 active
 * cases, overlaps, clusters, lead agreements and referrals, plus rows just
 * outside the month that must not count. `TRUTH` below is what measuring
 * October must give, counted by hand from these rows.
 */
export async function seedTruthMonth(db: DataSource, w: World): Promise<MetricsSeed> {
  const one = async (sql: string, params: unknown[]) =>
    ((await db.query(sql, params)) as Array<{ id: string }>)[0]?.id ?? '';
  const org = (name: string) =>
    one(`INSERT INTO organisation (name, kind) VALUES ($1, 'cso') RETURNING id`, [name]);
  const [orgA3, orgA4, orgA5, orgA6] = await Promise.all([
    org('Org A3'),
    org('Org A4'),
    org('Org A5'),
    org('Org A6'),
  ]);
  await db.query(`UPDATE working_group SET created_at = $1 WHERE id = ANY ($2::uuid[])`, [
    FOUNDED,
    [w.wg1, w.wg2],
  ]);
  await db.query(
    `UPDATE working_group_member SET joined_at = $1 WHERE working_group_id = ANY ($2::uuid[])`,
    [FOUNDED, [w.wg1, w.wg2]],
  );
  await db.query(
    `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at, left_at) VALUES
       ($1, $2, 'active', $6, NULL), ($1, $3, 'active', $6, NULL),
       ($1, $4, 'active', '2026-11-02T00:00:00Z', NULL),   -- joined after October
       ($1, $5, 'left', $6, '2026-10-20T00:00:00Z')         -- left during October`,
    [w.wg1, orgA3, orgA4, orgA5, orgA6, FOUNDED],
  );

  let n = 0;
  const cases = async (
    organisationId: string,
    count: number,
    createdAt: string,
    situations: string[],
    crimes: string[],
    withdrawnAt: string | null = null,
  ): Promise<string[]> => {
    const rows = await db.query<Array<{ id: string }>>(
      `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, situation_tags, crime_tags,
         epoch, idempotency_key, created_at, updated_at, withdrawn_at)
       SELECT $1, $2, 'M-' || ($3::int + i), 'active', $4::text[], $5::text[], 1, 'metrics-' || ($3::int + i),
              $6, $6, $7
       FROM generate_series(1, $8::int) i ORDER BY i RETURNING id`,
      [w.wg1, organisationId, n, situations, crimes, createdAt, withdrawnAt, count],
    );
    n += count;
    return rows.map((r) => r.id);
  };
  // Active since September (no tags): 5 of A, 4 of A2, one of A2's withdrawn during October (still active in it).
  const oldA = await cases(w.orgA, 5, '2026-09-10T08:00:00Z', [], []);
  const oldA2 = await cases(w.orgA2, 3, '2026-09-10T08:00:00Z', [], []);
  await cases(w.orgA2, 1, '2026-09-11T08:00:00Z', [], [], '2026-10-15T00:00:00Z');
  // Not active in October: withdrawn before it, registered after it.
  await cases(w.orgA, 1, '2026-09-01T00:00:00Z', ['ukraine'], ['genocide'], '2026-09-20T00:00:00Z');
  await cases(orgA3, 1, '2026-11-02T00:00:00Z', ['syria'], ['genocide']);
  // Registered in October: 10 + 8 + 6 + 4 = 28.
  const octA = await cases(
    w.orgA,
    10,
    '2026-10-03T09:00:00Z',
    ['ukraine', 'syria'],
    ['torture', 'war_crimes', 'genocide', 'forced_displacement'],
  );
  const octA2 = await cases(w.orgA2, 8, '2026-10-04T09:00:00Z', ['ukraine'], ['torture']);
  const octA3 = await cases(
    orgA3,
    6,
    '2026-10-05T09:00:00Z',
    ['syria'],
    ['war_crimes', 'not_a_category'],
  );
  const octA4 = await cases(orgA4, 4, '2026-10-31T23:59:59Z', ['not_a_situation'], []);

  const overlap = (
    x: { org: string; c: string },
    y: { org: string; c: string },
    createdAt: string,
    extra: { retractedAt?: string; a?: [string, string]; b?: [string, string] } = {},
  ) => {
    const [p, q] = x.c < y.c ? [x, y] : [y, x];
    return one(
      `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds, created_at,
         updated_at, retracted_at, verdict_a, verdict_a_at, verdict_b, verdict_b_at)
       VALUES ($1, $2, $3, $4, $5, 0.9, 'strong', ARRAY['name.pair'], $6, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        w.wg1,
        p.c,
        q.c,
        p.org,
        q.org,
        createdAt,
        extra.retractedAt ?? null,
        (x.c < y.c ? extra.a : extra.b)?.[0] ?? null,
        (x.c < y.c ? extra.a : extra.b)?.[1] ?? null,
        (x.c < y.c ? extra.b : extra.a)?.[0] ?? null,
        (x.c < y.c ? extra.b : extra.a)?.[1] ?? null,
      ],
    );
  };
  const A = (c: string | undefined) => ({ org: w.orgA, c: c ?? '' });
  const A2 = (c: string | undefined) => ({ org: w.orgA2, c: c ?? '' });
  const A3 = (c: string | undefined) => ({ org: orgA3, c: c ?? '' });
  const A4 = (c: string | undefined) => ({ org: orgA4, c: c ?? '' });
  // X: found in September, confirmed by both, the second verdict in October → resolved (confirmed) in October.
  await overlap(A(oldA[0]), A2(oldA2[0]), '2026-09-20T10:00:00Z', {
    a: ['confirmed', '2026-09-25T00:00:00Z'],
    b: ['confirmed', '2026-10-03T00:00:00Z'],
  });
  // W: found in September, a false match in September (then a confirmation in October): dismissed in September.
  await overlap(A(oldA[1]), A2(oldA2[1]), '2026-09-21T10:00:00Z', {
    a: ['false_match', '2026-09-28T00:00:00Z'],
    b: ['confirmed', '2026-10-02T00:00:00Z'],
  });
  // Detected in October: three of A–A2 (one half-confirmed), one of A3–A4 dismissed in October, one retracted.
  await overlap(A(octA[0]), A2(octA2[0]), '2026-10-06T10:00:00Z', {
    a: ['confirmed', '2026-10-10T00:00:00Z'],
  });
  await overlap(A(octA[1]), A2(octA2[1]), '2026-10-07T10:00:00Z');
  await overlap(A(octA[2]), A2(octA2[2]), '2026-10-08T10:00:00Z');
  await overlap(A3(octA3[0]), A4(octA4[0]), '2026-10-02T10:00:00Z', {
    b: ['false_match', '2026-10-20T00:00:00Z'],
  });
  await overlap(A3(octA3[1]), A(octA[3]), '2026-10-09T10:00:00Z', {
    retractedAt: '2026-10-12T00:00:00Z',
  });
  // Found in November: not October's.
  await overlap(A3(octA3[2]), A(octA[4]), '2026-11-03T10:00:00Z');

  const cluster = async (createdAt: string, members: Array<{ org: string; c: string }>) => {
    const id = await one(
      `INSERT INTO cluster (working_group_id, created_at) VALUES ($1, $2) RETURNING id`,
      [w.wg1, createdAt],
    );
    for (const m of members) {
      await db.query(
        `INSERT INTO cluster_case (case_id, cluster_id, organisation_id, joined_at) VALUES ($1, $2, $3, $4)`,
        [m.c, id, m.org, createdAt],
      );
    }
    for (const o of new Set(members.map((m) => m.org))) {
      await db.query(
        `INSERT INTO cluster_party (cluster_id, organisation_id, joined_at) VALUES ($1, $2, $3)`,
        [id, o, createdAt],
      );
    }
    return id;
  };
  const event = (
    clusterId: string,
    version: number,
    kind: string,
    outcomes: string[],
    createdAt: string,
  ) =>
    db.query(
      `INSERT INTO lead_arrangement_event (cluster_id, version, kind, detail, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)`,
      [clusterId, version, kind, JSON.stringify({ version, outcomes }), createdAt],
    );
  // K1 (A, A2; overlap X of 20 September): agreed on 10 October by an acceptance → 20 days.
  const k1 = await cluster('2026-09-26T00:00:00Z', [A(oldA[0]), A2(oldA2[0])]);
  await event(k1, 1, 'proposed', ['proposed'], '2026-10-01T00:00:00Z');
  await event(k1, 2, 'accepted', ['accepted', 'agreed'], '2026-10-10T00:00:00Z');
  // K2 (A3, A4; their overlap of 2 October): decided by the coordinators on 5 October → 3 days.
  const k2 = await cluster('2026-10-03T00:00:00Z', [A3(octA3[0]), A4(octA4[0])]);
  await event(k2, 1, 'decided', ['decided'], '2026-10-05T00:00:00Z');
  // K3 (A, A2): first agreed in September, agreed again in October after a reopening: not October's.
  const k3 = await cluster('2026-09-01T00:00:00Z', [A(octA[5]), A2(octA2[5])]);
  await event(k3, 1, 'proposed', ['proposed', 'agreed'], '2026-09-28T00:00:00Z');
  await event(k3, 2, 'accepted', ['accepted', 'agreed'], '2026-10-15T00:00:00Z');

  const referral = async (
    clusterId: string,
    organisationId: string,
    createdAt: string,
    steps: Array<[string, string]>,
  ) => {
    const last = steps[steps.length - 1] ?? ['referred', createdAt];
    const id = await one(
      `INSERT INTO referral (cluster_id, working_group_id, organisation_id, recorded_by, authority_id, referred_on,
         categories, status, version, status_on, status_changed_at, created_at)
       VALUES ($1, $2, $3, $4, 'icc-otp', $5::timestamptz::date, ARRAY['documents'], $6, $7, $8::timestamptz::date, $8, $5)
       RETURNING id`,
      [clusterId, w.wg1, organisationId, w.adminA.id, createdAt, last[0], steps.length, last[1]],
    );
    let version = 0;
    for (const [status, on] of steps) {
      version++;
      await db.query(
        `INSERT INTO referral_event (referral_id, version, status, status_on, created_at) VALUES ($1, $2, $3, $4::timestamptz::date, $4)`,
        [id, version, status, on],
      );
    }
  };
  // R1: recorded in October, acknowledged in October. R2: recorded in September, investigation opened then
  // an arrest in October (the latest counts). R3: recorded on 30 October, nothing more.
  await referral(k1, w.orgA, '2026-10-12T00:00:00Z', [
    ['referred', '2026-10-12T00:00:00Z'],
    ['acknowledged', '2026-10-20T00:00:00Z'],
  ]);
  await referral(k2, orgA3, '2026-09-15T00:00:00Z', [
    ['referred', '2026-09-15T00:00:00Z'],
    ['investigation_opened', '2026-10-03T00:00:00Z'],
    ['arrest', '2026-10-28T00:00:00Z'],
  ]);
  await referral(k1, w.orgA2, '2026-10-30T00:00:00Z', [['referred', '2026-10-30T00:00:00Z']]);
  return { orgA3, orgA4 };
}

/** October 2026 of working group 1, counted by hand; every other grid cell is zero. */
export const TRUTH: ReadonlyArray<Omit<TrueCell, 'metric'> & { metric: string }> = [
  { metric: 'cases_active', key: null, value: 37, organisations: 4 },
  { metric: 'cases_active_by_situation', key: 'ukraine', value: 18, organisations: 2 },
  { metric: 'cases_active_by_situation', key: 'syria', value: 6, organisations: 1 },
  { metric: 'cases_active_by_situation', key: 'unspecified', value: 13, organisations: 3 },
  { metric: 'cases_active_by_crime', key: 'genocide', value: 10, organisations: 1 },
  { metric: 'cases_active_by_crime', key: 'war_crimes', value: 16, organisations: 2 },
  { metric: 'cases_active_by_crime', key: 'torture', value: 18, organisations: 2 },
  { metric: 'cases_registered', key: null, value: 28, organisations: 4 },
  { metric: 'overlaps_detected', key: null, value: 4, organisations: 4 },
  { metric: 'overlaps_resolved', key: 'confirmed', value: 1, organisations: 2 },
  { metric: 'overlaps_resolved', key: 'dismissed', value: 1, organisations: 2 },
  { metric: 'clusters_lead_agreed', key: null, value: 2, organisations: 4 },
  { metric: 'days_to_lead', key: '0_7', value: 1, organisations: 2 },
  { metric: 'days_to_lead', key: '8_30', value: 1, organisations: 2 },
  { metric: 'referrals_made', key: null, value: 2, organisations: 2 },
  { metric: 'referral_outcomes', key: 'acknowledged', value: 1, organisations: 1 },
  { metric: 'referral_outcomes', key: 'arrest', value: 1, organisations: 1 },
  { metric: 'member_organisations', key: null, value: 4, organisations: 4 },
];

/** True counts of October that no published (rounded to 5) value can equal: none may be stored or logged. */
export const DISTINCTIVE_TRUE_VALUES = [37, 28, 18, 13, 16];
