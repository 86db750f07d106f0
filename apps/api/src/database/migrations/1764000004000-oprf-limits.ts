import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Limits that keep a member from probing and an outsider from locking
 * accounts: a per-user OPRF counter beside the per-organisation one, the
 * once-a-day unusual-volume alert flag, and the sign-in throttling store.
 */
export class OprfLimits1764000004000 implements MigrationInterface {
  name = 'OprfLimits1764000004000';

  async up(q: QueryRunner): Promise<void> {
    // Per user, group and day: a user's evaluations are the user's own rows.
    await q.query(`
      CREATE TABLE oprf_user_usage (
        user_id uuid NOT NULL REFERENCES app_user (id),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        day date NOT NULL,
        evaluations integer NOT NULL DEFAULT 0 CHECK (evaluations >= 0),
        PRIMARY KEY (user_id, working_group_id, day)
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON oprf_user_usage TO parallax_tenant`);
    await q.query(`ALTER TABLE oprf_user_usage ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE oprf_user_usage FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY oprf_user_usage_own ON oprf_user_usage TO parallax_tenant
      USING (user_id = parallax_setting_uuid('parallax.user_id'))
      WITH CHECK (user_id = parallax_setting_uuid('parallax.user_id'))`);

    // Set once per organisation, group and day when coordinators were told of an unusual volume.
    await q.query(`ALTER TABLE oprf_usage ADD COLUMN volume_alerted boolean NOT NULL DEFAULT false`);

    // rate-limiter-flexible's table (its own layout), shared by every replica.
    // Keys are HMACs of a client address or an account id, never an e-mail;
    // hub-wide state read before anyone is signed in, so no tenant policy.
    await q.query(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`CREATE INDEX login_throttle_expire_idx ON login_throttle (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`ALTER TABLE oprf_usage DROP COLUMN volume_alerted`);
    await q.query(`DROP TABLE oprf_user_usage`);
  }
}
