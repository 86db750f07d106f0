import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the index matching counted a group's live cases with (migration
 * 1764000015000): the v2 scorer does not use the group's size (a size-aware
 * bonus was measured and withdrawn, docs/matching-calibration.md), so the
 * count is no longer made and the index would only cost every case write.
 */
export class DropLiveEpochIndex1764000015200 implements MigrationInterface {
  name = 'DropLiveEpochIndex1764000015200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tracking_case_live_epoch_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX tracking_case_live_epoch_idx ON tracking_case (working_group_id, epoch) WHERE withdrawn_at IS NULL`);
  }
}
