import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotent mutations (issue 10, item 9): one row per (user, Idempotency-Key)
 * of a mutation that changed something. The row is written in the same
 * transaction as the change (so it exists if and only if the change
 * committed); the answer is added once the operation has run, and replayed
 * to a retry with the same key. Only a hash of the request is kept, never
 * its variables (they may carry fingerprints or sealed data).
 *
 * A user sees and writes only their own keys; expired rows are deleted by the
 * hub (outside any tenant transaction, under the `_hub` policy).
 */
export class IdempotencyKeys1764000012000 implements MigrationInterface {
  name = 'IdempotencyKeys1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        key uuid NOT NULL,
        request_hash bytea NOT NULL CHECK (length(request_hash) = 32),
        status text NOT NULL CHECK (status IN ('applied', 'completed')),
        response jsonb CHECK ((status = 'completed') = (response IS NOT NULL)),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO parallax_tenant`);
    await q.query(`ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY`);
    const me = `parallax_setting_uuid('parallax.user_id')`;
    await q.query(`
      CREATE POLICY idempotency_key_own ON idempotency_key TO parallax_tenant
      USING (user_id = ${me}) WITH CHECK (user_id = ${me})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
