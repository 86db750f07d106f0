import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes of the paginated lists (issue 10): the cases list in keyset order
 * (newest first, then id) across all of an organisation's groups, and the
 * audit log's filters by action and by date. The reference search needs no
 * index of its own: it runs within one organisation's cases.
 */
export class ListIndexes1764000009000 implements MigrationInterface {
  name = 'ListIndexes1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX tracking_case_org_keyset_idx ON tracking_case (organisation_id, created_at DESC, id DESC)`,
    );
    // Also lists the actions present in the log (a loose index scan).
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, seq)`);
    await q.query(`CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_occurred_idx`);
    await q.query(`DROP INDEX audit_log_action_idx`);
    await q.query(`DROP INDEX tracking_case_org_keyset_idx`);
  }
}
