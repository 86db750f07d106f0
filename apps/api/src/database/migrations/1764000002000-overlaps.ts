import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key epochs (hub OPRF keys, sealed group-key grants), OPRF budgets, tracking
 * cases and their fingerprints, overlaps and notifications. A case holds only
 * its organisation's own label, tags and keyed fingerprints: there is no
 * column that could carry a name, a date or a document number.
 */
export class Overlaps1764000002000 implements MigrationInterface {
  name = 'Overlaps1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_group_epoch (
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        epoch integer NOT NULL CHECK (epoch >= 1),
        oprf_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        retired_at timestamptz,
        PRIMARY KEY (working_group_id, epoch)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX working_group_epoch_current ON working_group_epoch (working_group_id) WHERE retired_at IS NULL`);
    await q.query(`
      CREATE TABLE group_key_grant (
        working_group_id uuid NOT NULL,
        epoch integer NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user (id),
        sealed_key bytea NOT NULL CHECK (length(sealed_key) BETWEEN 33 AND 200),
        granted_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (working_group_id, epoch, user_id),
        FOREIGN KEY (working_group_id, epoch) REFERENCES working_group_epoch (working_group_id, epoch)
      )`);
    await q.query(`CREATE INDEX group_key_grant_user_idx ON group_key_grant (user_id)`);
    await q.query(`
      CREATE TABLE oprf_usage (
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        day date NOT NULL,
        evaluations integer NOT NULL DEFAULT 0 CHECK (evaluations >= 0),
        refused integer NOT NULL DEFAULT 0 CHECK (refused >= 0),
        PRIMARY KEY (organisation_id, working_group_id, day)
      )`);

    await q.query(`CREATE TYPE case_status AS ENUM ('active', 'dormant', 'closed', 'handed_to_authorities')`);
    await q.query(`
      CREATE TABLE tracking_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 80),
        status case_status NOT NULL,
        situation_tags text[] NOT NULL DEFAULT '{}',
        crime_tags text[] NOT NULL DEFAULT '{}',
        epoch integer NOT NULL,
        fingerprint_count integer NOT NULL DEFAULT 0,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 100),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        UNIQUE (organisation_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX tracking_case_org_idx ON tracking_case (organisation_id, working_group_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE case_fingerprint (
        case_id uuid NOT NULL REFERENCES tracking_case (id) ON DELETE CASCADE,
        working_group_id uuid NOT NULL,
        epoch integer NOT NULL,
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.+-]{0,63}$'),
        fp bytea NOT NULL CHECK (length(fp) = 32),
        PRIMARY KEY (case_id, kind, fp)
      )`);
    // The matching index: who else in this group and epoch holds this fingerprint.
    await q.query(`CREATE INDEX case_fingerprint_lookup ON case_fingerprint (working_group_id, epoch, fp)`);

    await q.query(`CREATE TYPE overlap_verdict AS ENUM ('confirmed', 'false_match')`);
    await q.query(`CREATE TYPE contact_status AS ENUM ('none', 'requested', 'accepted', 'declined')`);
    await q.query(`
      CREATE TABLE overlap (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        case_a uuid NOT NULL REFERENCES tracking_case (id),
        case_b uuid NOT NULL REFERENCES tracking_case (id),
        org_a uuid NOT NULL REFERENCES organisation (id),
        org_b uuid NOT NULL REFERENCES organisation (id),
        score real NOT NULL CHECK (score >= 0 AND score <= 1),
        strength text NOT NULL CHECK (strength IN ('strong', 'probable', 'possible')),
        matched_kinds text[] NOT NULL,
        retracted_at timestamptz,
        verdict_a overlap_verdict,
        reason_a text CHECK (length(reason_a) <= 500),
        verdict_b overlap_verdict,
        reason_b text CHECK (length(reason_b) <= 500),
        contact_status contact_status NOT NULL DEFAULT 'none',
        contact_requested_by uuid REFERENCES organisation (id),
        revealed_at timestamptz,
        revealed_by text CHECK (revealed_by IN ('consent', 'agreement')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (case_a < case_b),
        CHECK (org_a <> org_b),
        UNIQUE (case_a, case_b)
      )`);
    await q.query(`CREATE INDEX overlap_org_a_idx ON overlap (org_a, working_group_id)`);
    await q.query(`CREATE INDEX overlap_org_b_idx ON overlap (org_b, working_group_id)`);
    await q.query(`CREATE INDEX overlap_group_idx ON overlap (working_group_id) WHERE retracted_at IS NULL`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_organisation_id uuid REFERENCES organisation (id),
        recipient_user_id uuid REFERENCES app_user (id),
        working_group_id uuid REFERENCES working_group (id),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]*$'),
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CHECK (recipient_organisation_id IS NOT NULL OR recipient_user_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX notification_org_idx ON notification (recipient_organisation_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (recipient_user_id, created_at DESC)`);

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO parallax_tenant`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM parallax_tenant`);

    // Row-level security: an organisation's cases and their overlaps are its
    // own. Coordinators read aggregates only, through the hub's services.
    await q.query(`ALTER TABLE tracking_case ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tracking_case_owner ON tracking_case TO parallax_tenant
      USING (organisation_id = parallax_setting_uuid('parallax.organisation_id'))`);
    await q.query(`ALTER TABLE case_fingerprint ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY case_fingerprint_owner ON case_fingerprint TO parallax_tenant
      USING (EXISTS (SELECT 1 FROM tracking_case c WHERE c.id = case_id))`);
    await q.query(`ALTER TABLE overlap ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY overlap_party ON overlap TO parallax_tenant
      USING (parallax_setting_uuid('parallax.organisation_id') IN (org_a, org_b))`);
    await q.query(`ALTER TABLE notification ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY notification_recipient ON notification TO parallax_tenant
      USING (recipient_user_id = parallax_setting_uuid('parallax.user_id')
             OR recipient_organisation_id = parallax_setting_uuid('parallax.organisation_id'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE overlap`);
    await q.query(`DROP TYPE contact_status`);
    await q.query(`DROP TYPE overlap_verdict`);
    await q.query(`DROP TABLE case_fingerprint`);
    await q.query(`DROP TABLE tracking_case`);
    await q.query(`DROP TYPE case_status`);
    await q.query(`DROP TABLE oprf_usage`);
    await q.query(`DROP TABLE group_key_grant`);
    await q.query(`DROP TABLE working_group_epoch`);
  }
}
