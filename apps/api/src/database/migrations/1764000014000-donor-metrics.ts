import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Donor metrics (issue 12): releases and the privacy-budget ledger.
 *
 * - `metrics_release` holds only the PUBLISHED form of a release (noisy,
 *   rounded values and suppression flags over the public grid): the true
 *   counts it was computed from are never stored. One draft or published
 *   release per working group and month; a withheld one may be computed
 *   again (at a new cost to the budget).
 * - `privacy_budget_entry` is the ledger: each computed release charges its
 *   ε (thousandths) to its working group and the calendar year of its
 *   period, whether it is later published or withheld. Tenants read it and
 *   never change it; rows are written by coordinators' computations.
 * - `overlap.verdict_a_at` / `verdict_b_at`: when each side gave its verdict,
 *   so "overlaps resolved" can be counted in the month of resolution.
 *   Existing verdicts take the overlap's last change as their time.
 *
 * Coordinators read and write their groups' releases and ledger; donors read
 * the published releases of the groups they fund. The hub's job works in its
 * own context (the `_hub` policy added by `parallax_seal_schema`).
 */
export class DonorMetrics1764000014000 implements MigrationInterface {
  name = 'DonorMetrics1764000014000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE metrics_release (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        period text NOT NULL CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'withheld')),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        grid_version integer NOT NULL,
        method jsonb NOT NULL,
        cells jsonb NOT NULL,
        median_days_to_lead text,
        computed_at timestamptz NOT NULL,
        computed_by uuid REFERENCES app_user (id),
        published_at timestamptz,
        published_by uuid REFERENCES app_user (id),
        withheld_at timestamptz,
        withheld_by uuid REFERENCES app_user (id),
        CHECK ((status = 'published') = (published_at IS NOT NULL)),
        CHECK ((status = 'withheld') = (withheld_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX metrics_release_current ON metrics_release (working_group_id, period)
      WHERE status IN ('draft', 'published')`);
    await q.query(`CREATE INDEX metrics_release_group_idx ON metrics_release (working_group_id, period DESC)`);
    await q.query(`
      CREATE TABLE privacy_budget_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        release_id uuid NOT NULL REFERENCES metrics_release (id),
        epsilon_milli integer NOT NULL CHECK (epsilon_milli > 0),
        charged_at timestamptz NOT NULL,
        charged_by uuid REFERENCES app_user (id)
      )`);
    await q.query(`CREATE INDEX privacy_budget_entry_group_idx ON privacy_budget_entry (working_group_id, year)`);

    await q.query(`ALTER TABLE overlap ADD COLUMN verdict_a_at timestamptz`);
    await q.query(`ALTER TABLE overlap ADD COLUMN verdict_b_at timestamptz`);
    await q.query(`UPDATE overlap SET verdict_a_at = updated_at WHERE verdict_a IS NOT NULL`);
    await q.query(`UPDATE overlap SET verdict_b_at = updated_at WHERE verdict_b IS NOT NULL`);

    for (const t of ['metrics_release', 'privacy_budget_entry']) {
      await q.query(`REVOKE ALL ON ${t} FROM parallax_tenant`);
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON metrics_release TO parallax_tenant`);
    // The ledger is append-only for tenants.
    await q.query(`GRANT SELECT, INSERT ON privacy_budget_entry TO parallax_tenant`);

    const coordinates = (col: string) =>
      `${col} = ANY ((SELECT parallax_setting_uuids('parallax.coordinator_of'))::uuid[])`;
    const funds = (col: string) =>
      `${col} = ANY ((SELECT parallax_setting_uuids('parallax.donor_of'))::uuid[])`;
    await q.query(`
      CREATE POLICY metrics_release_read ON metrics_release FOR SELECT TO parallax_tenant
      USING (${coordinates('working_group_id')} OR (status = 'published' AND ${funds('working_group_id')}))`);
    await q.query(`
      CREATE POLICY metrics_release_add ON metrics_release FOR INSERT TO parallax_tenant
      WITH CHECK (${coordinates('working_group_id')})`);
    await q.query(`
      CREATE POLICY metrics_release_change ON metrics_release FOR UPDATE TO parallax_tenant
      USING (${coordinates('working_group_id')}) WITH CHECK (${coordinates('working_group_id')})`);
    await q.query(`
      CREATE POLICY privacy_budget_entry_read ON privacy_budget_entry FOR SELECT TO parallax_tenant
      USING (${coordinates('working_group_id')})`);
    await q.query(`
      CREATE POLICY privacy_budget_entry_add ON privacy_budget_entry FOR INSERT TO parallax_tenant
      WITH CHECK (${coordinates('working_group_id')})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE overlap DROP COLUMN verdict_b_at`);
    await q.query(`ALTER TABLE overlap DROP COLUMN verdict_a_at`);
    await q.query(`DROP TABLE privacy_budget_entry`);
    await q.query(`DROP TABLE metrics_release`);
  }
}
