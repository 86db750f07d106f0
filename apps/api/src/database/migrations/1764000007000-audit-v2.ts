import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit log, second version (issue 9, item 12), and the sign-up attempt that
 * binds a new authenticator seed to the invitee's browser (item 8).
 *
 * - `audit_log.change`: what changed, without identifiers (field names, ids,
 *   statuses, counts, epochs, roles). Its canonical hash is the entry's
 *   `change_hash`, so the chain covers it. Older entries keep only the hash.
 * - An index for read auditing ("one entry per actor, subject and hour").
 * - `audit_checkpoint`: the hub's signed {sequence, head hash, time}, kept by
 *   members' clients so a rewritten history is caught by any of them.
 * - `audit_entry_hash(seq)`: the one thing about another tenant's entry a
 *   member may learn — its hash — to compare with a checkpoint it kept.
 */
export class AuditV21764000007000 implements MigrationInterface {
  name = 'AuditV21764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN change jsonb`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, action, occurred_at)`);

    await q.query(`
      CREATE TABLE audit_checkpoint (
        seq bigint PRIMARY KEY CHECK (seq >= 1),
        head_hash bytea NOT NULL CHECK (length(head_hash) = 32),
        created_at timestamptz NOT NULL,
        signature bytea NOT NULL CHECK (length(signature) = 64)
      )`);
    await q.query(`
      CREATE TRIGGER audit_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoint
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    // Hub-wide and public to every member (a sequence number, a hash, a time
    // and a signature: no tenant's data), so everyone may read; a forged row
    // is useless without the hub's signing key.
    await q.query(`GRANT SELECT, INSERT ON audit_checkpoint TO parallax_tenant`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoint FROM parallax_tenant`);
    await q.query(`ALTER TABLE audit_checkpoint ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_checkpoint FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY audit_checkpoint_read ON audit_checkpoint FOR SELECT USING (true)`);
    await q.query(`CREATE POLICY audit_checkpoint_append ON audit_checkpoint FOR INSERT WITH CHECK (true)`);

    await q.query(`
      CREATE FUNCTION audit_entry_hash(target bigint) RETURNS bytea
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.hash FROM audit_log a WHERE a.seq = target
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_entry_hash(bigint) TO parallax_tenant`);

    // A seed is made per sign-up attempt, for the browser holding the attempt's secret.
    await q.query(`
      ALTER TABLE invitation ADD COLUMN sign_up_attempt_hash bytea CHECK (length(sign_up_attempt_hash) = 32)`);
    // Seeds offered by the old flow may have been seen by whoever opened the
    // link (the inviter can): unused links start again with a fresh one.
    await q.query(`UPDATE invitation SET pending_totp_secret = NULL WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invitation DROP COLUMN sign_up_attempt_hash`);
    await q.query(`DROP FUNCTION audit_entry_hash(bigint)`);
    await q.query(`DROP TABLE audit_checkpoint`);
    await q.query(`DROP INDEX audit_log_actor_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN change`);
  }
}
