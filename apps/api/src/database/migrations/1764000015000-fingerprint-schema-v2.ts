import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fingerprint schema version per key epoch (issue 13): every fingerprint of
 * an epoch is made under one schema version, so that equal fingerprints mean
 * equal normalised values. Epochs made before this change were fingerprinted
 * under 'v1'; a new epoch takes the hub's FINGERPRINT_SCHEMA_VERSION when it
 * is created. A group moves to a new schema only through a key rotation
 * (never two schemas in one epoch), after which clients re-fingerprint.
 * Also the index matching counts a group's live cases with.
 */
export class FingerprintSchemaV21764000015000 implements MigrationInterface {
  name = 'FingerprintSchemaV21764000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE working_group_epoch ADD COLUMN schema_version text`);
    await q.query(`UPDATE working_group_epoch SET schema_version = 'v1'`);
    await q.query(`
      ALTER TABLE working_group_epoch
        ALTER COLUMN schema_version SET NOT NULL,
        ADD CONSTRAINT working_group_epoch_schema_version_check CHECK (schema_version ~ '^v[0-9]{1,3}$')`);
    // Matching counts a group's live cases per epoch once per batch (rarity is
    // calibrated on the group's size): an index-only count, never a table scan.
    await q.query(`
      CREATE INDEX tracking_case_live_epoch_idx ON tracking_case (working_group_id, epoch) WHERE withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tracking_case_live_epoch_idx`);
    await q.query(`ALTER TABLE working_group_epoch DROP COLUMN schema_version`);
  }
}
