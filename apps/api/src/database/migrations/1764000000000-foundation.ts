import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations, users and the hash-chained audit log. The audit table is
 * append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role,
 * so a compromised application cannot quietly rewrite history (an attacker
 * with superuser rights can, and `parallax audit verify` then names the entry).
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE organisation_kind AS ENUM ('cso', 'donor', 'secretariat')`);
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind organisation_kind NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_name_key ON organisation (lower(name))`);

    await q.query(`CREATE TYPE user_role AS ENUM ('org_admin', 'investigator', 'viewer')`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        organisation_id uuid REFERENCES organisation (id),
        role user_role,
        is_platform_admin boolean NOT NULL DEFAULT false,
        kdf_salt bytea NOT NULL,
        kdf_params jsonb NOT NULL,
        login_verifier text NOT NULL,
        public_key bytea NOT NULL CHECK (length(public_key) = 32),
        encrypted_private_key bytea NOT NULL,
        totp_secret bytea NOT NULL,
        totp_last_step bigint,
        totp_failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_membership CHECK (
          (is_platform_admin AND organisation_id IS NULL AND role IS NULL)
          OR (NOT is_platform_admin AND organisation_id IS NOT NULL AND role IS NOT NULL)
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_organisation_idx ON app_user (organisation_id)`);

    await q.query(`
      CREATE TABLE working_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX working_group_name_key ON working_group (lower(name))`);
    await q.query(`CREATE TYPE membership_status AS ENUM ('invited', 'active', 'left')`);
    await q.query(`
      CREATE TABLE working_group_member (
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        status membership_status NOT NULL,
        invited_at timestamptz NOT NULL DEFAULT now(),
        joined_at timestamptz,
        left_at timestamptz,
        PRIMARY KEY (working_group_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX working_group_member_org_idx ON working_group_member (organisation_id)`);
    await q.query(`
      CREATE TABLE working_group_coordinator (
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (working_group_id, user_id)
      )`);
    await q.query(`CREATE INDEX working_group_coordinator_user_idx ON working_group_coordinator (user_id)`);
    await q.query(`
      CREATE TABLE working_group_donor (
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (working_group_id, organisation_id)
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY CHECK (seq >= 1),
        occurred_at timestamptz NOT NULL,
        actor_user_id uuid,
        organisation_id uuid,
        working_group_id uuid,
        action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]*$'),
        subject_type text,
        subject_id text,
        change_hash bytea NOT NULL CHECK (length(change_hash) = 32),
        prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
        hash bytea NOT NULL CHECK (length(hash) = 32)
      )`);
    await q.query(`CREATE INDEX audit_log_organisation_idx ON audit_log (organisation_id, seq)`);
    await q.query(`CREATE INDEX audit_log_working_group_idx ON audit_log (working_group_id, seq)`);
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    await q.query(`DROP TABLE working_group_donor`);
    await q.query(`DROP TABLE working_group_coordinator`);
    await q.query(`DROP TABLE working_group_member`);
    await q.query(`DROP TYPE membership_status`);
    await q.query(`DROP TABLE working_group`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TYPE organisation_kind`);
  }
}
