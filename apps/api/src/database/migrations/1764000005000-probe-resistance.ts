import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Probe resistance (docs/probe-resistance.md): no silent retraction, volume
 * alerts on fingerprint changes and withdrawals, frozen cases of an
 * organisation that left its group.
 */
export class ProbeResistance1764000005000 implements MigrationInterface {
  name = 'ProbeResistance1764000005000';

  async up(q: QueryRunner): Promise<void> {
    // Set when the organisation leaves the case's working group: no matching, no changes.
    await q.query(`ALTER TABLE tracking_case ADD COLUMN frozen_at timestamptz`);
    // Fingerprint changes of the case on one (UTC) day, for the per-case volume alert.
    await q.query(`ALTER TABLE tracking_case ADD COLUMN changes_day date`);
    await q.query(`ALTER TABLE tracking_case ADD COLUMN changes_on_day integer NOT NULL DEFAULT 0`);

    // What each party last did to its case while the overlap stood, kept for
    // the other party to see: the overlap is never retracted silently.
    await q.query(`CREATE TYPE counterpart_change AS ENUM ('changed', 'withdrawn', 'left')`);
    await q.query(`ALTER TABLE overlap ADD COLUMN change_a counterpart_change`);
    await q.query(`ALTER TABLE overlap ADD COLUMN change_a_at timestamptz`);
    await q.query(`ALTER TABLE overlap ADD COLUMN change_b counterpart_change`);
    await q.query(`ALTER TABLE overlap ADD COLUMN change_b_at timestamptz`);

    // Per organisation, group and day: fingerprint changes and withdrawals,
    // and whether the coordinators were told of an unusual volume.
    await q.query(`
      CREATE TABLE case_change_usage (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        day date NOT NULL,
        fingerprint_changes integer NOT NULL DEFAULT 0 CHECK (fingerprint_changes >= 0),
        withdrawals integer NOT NULL DEFAULT 0 CHECK (withdrawals >= 0),
        alerted boolean NOT NULL DEFAULT false,
        PRIMARY KEY (organisation_id, working_group_id, day)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON case_change_usage TO parallax_tenant`);
    await q.query(`ALTER TABLE case_change_usage ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE case_change_usage FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY case_change_usage_own ON case_change_usage TO parallax_tenant
      USING (organisation_id = parallax_setting_uuid('parallax.organisation_id'))
      WITH CHECK (organisation_id = parallax_setting_uuid('parallax.organisation_id'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_change_usage`);
    await q.query(`ALTER TABLE overlap DROP COLUMN change_b_at`);
    await q.query(`ALTER TABLE overlap DROP COLUMN change_b`);
    await q.query(`ALTER TABLE overlap DROP COLUMN change_a_at`);
    await q.query(`ALTER TABLE overlap DROP COLUMN change_a`);
    await q.query(`DROP TYPE counterpart_change`);
    await q.query(`ALTER TABLE tracking_case DROP COLUMN changes_on_day`);
    await q.query(`ALTER TABLE tracking_case DROP COLUMN changes_day`);
    await q.query(`ALTER TABLE tracking_case DROP COLUMN frozen_at`);
  }
}
