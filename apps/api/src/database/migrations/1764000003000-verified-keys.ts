import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified keys (issue 9): every user gets an Ed25519 signing key beside the
 * X25519 one (both made and sealed in the client), users certify each
 * other's keys after a safety-number check, and every key epoch carries the
 * coordinator's signed commitment to K_group. The hub stores and relays
 * certificates; clients verify them and seal K_group only to keys they
 * verified, so a hub-made account cannot obtain the key.
 */
export class VerifiedKeys1764000003000 implements MigrationInterface {
  name = 'VerifiedKeys1764000003000';

  async up(q: QueryRunner): Promise<void> {
    // Nullable: accounts made before this change set theirs at next unlock (setSigningKey).
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN signing_public_key bytea CHECK (length(signing_public_key) = 32),
        ADD COLUMN encrypted_signing_key bytea CHECK (length(encrypted_signing_key) BETWEEN 33 AND 200),
        ADD CONSTRAINT app_user_signing_key_pair CHECK ((signing_public_key IS NULL) = (encrypted_signing_key IS NULL))`);

    await q.query(`CREATE TYPE certificate_kind AS ENUM ('org_admin', 'member', 'coordinator')`);
    await q.query(`
      CREATE TABLE key_certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind certificate_kind NOT NULL,
        working_group_id uuid REFERENCES working_group (id),
        subject_user_id uuid NOT NULL REFERENCES app_user (id),
        subject_organisation_id uuid REFERENCES organisation (id),
        issuer_user_id uuid NOT NULL REFERENCES app_user (id),
        body bytea NOT NULL CHECK (length(body) BETWEEN 2 AND 2048),
        signature bytea NOT NULL CHECK (length(signature) = 64),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'member') = (working_group_id IS NULL)),
        CHECK (subject_user_id <> issuer_user_id)
      )`);
    // One certificate per (kind, group, subject, issuer): a new one replaces the old.
    await q.query(`
      CREATE UNIQUE INDEX key_certificate_key ON key_certificate
        (kind, coalesce(working_group_id, '00000000-0000-0000-0000-000000000000'::uuid), subject_user_id, issuer_user_id)`);
    await q.query(`CREATE INDEX key_certificate_subject_idx ON key_certificate (subject_user_id)`);
    await q.query(`CREATE INDEX key_certificate_issuer_idx ON key_certificate (issuer_user_id)`);
    await q.query(`CREATE INDEX key_certificate_group_idx ON key_certificate (working_group_id)`);

    // The coordinator's commitment to each epoch's K_group (null only for epochs made before this change).
    await q.query(`
      ALTER TABLE working_group_epoch
        ADD COLUMN commitment_tag bytea CHECK (length(commitment_tag) = 32),
        ADD COLUMN commitment_signature bytea CHECK (length(commitment_signature) = 64),
        ADD COLUMN commitment_user_id uuid REFERENCES app_user (id)`);
    // When the recipient first fetched its sealed copy: that first read is audited, later polls are not.
    await q.query(`ALTER TABLE group_key_grant ADD COLUMN first_read_at timestamptz`);

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON key_certificate TO parallax_tenant`);
    await q.query(`ALTER TABLE key_certificate ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE key_certificate FORCE ROW LEVEL SECURITY`);
    // Readable by its subject and issuer, by the subject's organisation, by
    // the coordinators and active members of its group (org_admin and
    // coordinator certificates), and for a member certificate by coordinators
    // of a group the subject's organisation belongs to and by organisations
    // sharing an active group with it: exactly who needs it to check a chain.
    await q.query(`
      CREATE POLICY key_certificate_read ON key_certificate FOR SELECT TO parallax_tenant
      USING (
        parallax_setting_uuid('parallax.user_id') IN (subject_user_id, issuer_user_id)
        OR subject_organisation_id = parallax_setting_uuid('parallax.organisation_id')
        OR working_group_id = ANY (coalesce(nullif(current_setting('parallax.coordinator_of', true), ''), '{}')::uuid[])
        OR working_group_id = ANY (coalesce(nullif(current_setting('parallax.member_of', true), ''), '{}')::uuid[])
        OR EXISTS (
          SELECT 1 FROM working_group_member s
          WHERE s.organisation_id = key_certificate.subject_organisation_id AND s.status = 'active'
            AND (s.working_group_id = ANY (coalesce(nullif(current_setting('parallax.coordinator_of', true), ''), '{}')::uuid[])
                 OR EXISTS (SELECT 1 FROM working_group_member v
                            WHERE v.working_group_id = s.working_group_id AND v.status = 'active'
                              AND v.organisation_id = parallax_setting_uuid('parallax.organisation_id'))))
      )`);
    // Only the issuer writes or replaces its certificate; subject and issuer may remove one.
    await q.query(`
      CREATE POLICY key_certificate_issue ON key_certificate FOR INSERT TO parallax_tenant
      WITH CHECK (issuer_user_id = parallax_setting_uuid('parallax.user_id'))`);
    await q.query(`
      CREATE POLICY key_certificate_replace ON key_certificate FOR UPDATE TO parallax_tenant
      USING (issuer_user_id = parallax_setting_uuid('parallax.user_id'))
      WITH CHECK (issuer_user_id = parallax_setting_uuid('parallax.user_id'))`);
    await q.query(`
      CREATE POLICY key_certificate_remove ON key_certificate FOR DELETE TO parallax_tenant
      USING (parallax_setting_uuid('parallax.user_id') IN (subject_user_id, issuer_user_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE group_key_grant DROP COLUMN first_read_at`);
    await q.query(`
      ALTER TABLE working_group_epoch
        DROP COLUMN commitment_user_id, DROP COLUMN commitment_signature, DROP COLUMN commitment_tag`);
    await q.query(`DROP TABLE key_certificate`);
    await q.query(`DROP TYPE certificate_kind`);
    await q.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_signing_key_pair,
        DROP COLUMN encrypted_signing_key, DROP COLUMN signing_public_key`);
  }
}
