import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations, sessions, and row-level security for the tables where a leak
 * across tenants would hurt most (invitation and session tokens, the audit
 * log). Request transactions run as the NOLOGIN role `parallax_tenant` with
 * the actor in transaction-local settings, so a query that forgets its WHERE
 * clause still sees only the actor's rows.
 */
export class Identity1764000001000 implements MigrationInterface {
  name = 'Identity1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE invitation_purpose AS ENUM ('sign_up', 'reset')`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        purpose invitation_purpose NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        role user_role NOT NULL,
        email text CHECK (email IS NULL OR email = lower(email)),
        user_id uuid REFERENCES app_user (id),
        coordinator_of uuid REFERENCES working_group (id),
        pending_totp_secret bytea,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CHECK ((purpose = 'reset') = (user_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX invitation_organisation_idx ON invitation (organisation_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
        user_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        step_up_at timestamptz,
        revoked_at timestamptz,
        user_agent text CHECK (length(user_agent) <= 200)
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id, created_at DESC)`);

    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'parallax_tenant') THEN
          CREATE ROLE parallax_tenant NOLOGIN;
        END IF;
      END $$`);
    await q.query(`GRANT parallax_tenant TO CURRENT_USER`);
    await q.query(`GRANT USAGE ON SCHEMA public TO parallax_tenant`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO parallax_tenant`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO parallax_tenant`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM parallax_tenant`);

    // Settings read by the policies; unset means "nobody".
    await q.query(`
      CREATE FUNCTION parallax_setting_uuid(name text) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting(name, true), '')::uuid
      $$`);
    await q.query(`
      CREATE FUNCTION parallax_is_platform_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('parallax.platform_admin', true), '') = 'on'
      $$`);

    await q.query(`ALTER TABLE invitation ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY invitation_tenant ON invitation TO parallax_tenant
      USING (parallax_is_platform_admin() OR organisation_id = parallax_setting_uuid('parallax.organisation_id'))`);

    await q.query(`ALTER TABLE user_session ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY user_session_owner ON user_session TO parallax_tenant
      USING (user_id = parallax_setting_uuid('parallax.user_id'))`);

    // An admin disabling a user ends that user's sessions, which the admin's
    // tenant transaction cannot otherwise touch.
    await q.query(`
      CREATE FUNCTION revoke_user_sessions(target uuid) RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH revoked AS (
          UPDATE user_session SET revoked_at = now() WHERE user_id = target AND revoked_at IS NULL RETURNING 1
        ) SELECT count(*)::integer FROM revoked
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION revoke_user_sessions(uuid) TO parallax_tenant`);

    await q.query(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY audit_log_read ON audit_log FOR SELECT TO parallax_tenant
      USING (
        parallax_is_platform_admin()
        OR actor_user_id = parallax_setting_uuid('parallax.user_id')
        OR (organisation_id = parallax_setting_uuid('parallax.organisation_id')
            AND coalesce(current_setting('parallax.org_admin', true), '') = 'on')
        OR working_group_id = ANY (coalesce(nullif(current_setting('parallax.coordinator_of', true), ''), '{}')::uuid[])
      )`);
    await q.query(`CREATE POLICY audit_log_append ON audit_log FOR INSERT TO parallax_tenant WITH CHECK (true)`);
    // Writers must link to the true head of the chain, which a tenant may
    // not be allowed to read: expose just that, and nothing else.
    await q.query(`
      CREATE FUNCTION audit_chain_head(OUT seq bigint, OUT hash bytea)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT a.seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION audit_chain_head() TO parallax_tenant`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_chain_head()`);
    await q.query(`DROP POLICY audit_log_append ON audit_log`);
    await q.query(`DROP POLICY audit_log_read ON audit_log`);
    await q.query(`ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP FUNCTION revoke_user_sessions(uuid)`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE invitation`);
    await q.query(`DROP FUNCTION parallax_is_platform_admin()`);
    await q.query(`DROP FUNCTION parallax_setting_uuid(text)`);
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM parallax_tenant`,
    );
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM parallax_tenant`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM parallax_tenant`);
    await q.query(`DROP TYPE invitation_purpose`);
  }
}
