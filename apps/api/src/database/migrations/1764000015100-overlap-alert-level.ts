import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's overlap alert level (issue 13): the weakest overlap
 * strength that notifies it. Overlaps below it are still created, audited
 * and listed on the case; they only raise no notification. A column of
 * `organisation`, whose row-level policies already let only the
 * organisation's own admins (among tenants) change its row. Existing
 * organisations get the default, probable: possible overlaps stop alerting.
 */
export class OverlapAlertLevel1764000015100 implements MigrationInterface {
  name = 'OverlapAlertLevel1764000015100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation ADD COLUMN overlap_alert_level text NOT NULL DEFAULT 'probable'
        CONSTRAINT organisation_overlap_alert_level CHECK (overlap_alert_level IN ('strong', 'probable', 'possible'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP COLUMN overlap_alert_level`);
  }
}
