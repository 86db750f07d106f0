import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration looks, for every case, for an earlier-epoch case of the same
 * organisation the record re-imports (`findEarlierEpochCase`). Through
 * `tracking_case_org_idx` that read filtered every case the organisation
 * holds in the group, so a bulk upload's cost grew with the square of its
 * size; on this index it is a range scan that is empty until a rotation.
 */
export class CaseEarlierEpochIndex1764000015300 implements MigrationInterface {
  name = 'CaseEarlierEpochIndex1764000015300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX tracking_case_org_epoch_idx ON tracking_case (organisation_id, working_group_id, epoch)
        WHERE withdrawn_at IS NULL AND frozen_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tracking_case_org_epoch_idx`);
  }
}
