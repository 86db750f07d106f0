import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After the overlap (issue 11): clusters with a stable identity, their
 * end-to-end encrypted conversation, the lead arrangement and referrals to
 * authorities.
 *
 * - A cluster is formed by revealed overlaps only: when two organisations
 *   have learnt each other's identity on an overlap, their two cases join one
 *   cluster (created, extended or merged by the hub, in the transaction of
 *   the reveal). `cluster_case` says which case sits where (a tenant sees
 *   only its own cases there); `cluster_party` which organisations take part.
 * - Messages are ciphertext only: one sealed copy per recipient user (HPKE
 *   Auth mode, sealed on the sender's device). The hub keeps who sent to whom
 *   and when, never the text, the signature or the contact cards.
 * - The arrangement's state is the pure rule book's state
 *   (`@parallax/domain` lead-arrangement) as JSON, with its version as the
 *   optimistic-concurrency token; status and deadline are copied out for the
 *   indexes the dashboard and the escalation job use. Its events hold roles
 *   and ids only: free text (a proposal's message, a reason) is a sealed
 *   message referred to by id.
 *
 * Access is decided by one SECURITY DEFINER function, `parallax_cluster_access`,
 * so the policies do not read each other's tables (no recursion): 'party'
 * (an active party's member), 'former' (a party that left: reads, never acts),
 * 'coordinator' (of the cluster's working group), or null.
 */
export class Clusters1764000013000 implements MigrationInterface {
  name = 'Clusters1764000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cluster (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        merged_into uuid REFERENCES cluster (id),
        merged_at timestamptz,
        CHECK ((merged_into IS NULL) = (merged_at IS NULL) AND merged_into IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE INDEX cluster_group_idx ON cluster (working_group_id, created_at) WHERE merged_into IS NULL`);
    await q.query(`
      CREATE TABLE cluster_case (
        case_id uuid PRIMARY KEY REFERENCES tracking_case (id),
        cluster_id uuid NOT NULL REFERENCES cluster (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz
      )`);
    await q.query(`CREATE INDEX cluster_case_cluster_idx ON cluster_case (cluster_id, organisation_id)`);
    await q.query(`
      CREATE TABLE cluster_party (
        cluster_id uuid NOT NULL REFERENCES cluster (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        PRIMARY KEY (cluster_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX cluster_party_org_idx ON cluster_party (organisation_id, cluster_id)`);

    await q.query(`
      CREATE TABLE cluster_message (
        id uuid PRIMARY KEY,
        cluster_id uuid NOT NULL REFERENCES cluster (id),
        sender_user_id uuid NOT NULL REFERENCES app_user (id),
        sender_organisation_id uuid REFERENCES organisation (id),
        audience text NOT NULL CHECK (audience IN ('parties', 'parties_and_coordinators')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cluster_message_cluster_idx ON cluster_message (cluster_id, created_at, id)`);
    await q.query(`
      CREATE TABLE cluster_message_copy (
        message_id uuid NOT NULL REFERENCES cluster_message (id),
        recipient_user_id uuid NOT NULL REFERENCES app_user (id),
        sender_user_id uuid NOT NULL REFERENCES app_user (id),
        sealed bytea NOT NULL CHECK (length(sealed) BETWEEN 64 AND 65536),
        read_at timestamptz,
        PRIMARY KEY (message_id, recipient_user_id)
      )`);
    await q.query(`CREATE INDEX cluster_message_copy_unread_idx ON cluster_message_copy (recipient_user_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE lead_arrangement (
        cluster_id uuid PRIMARY KEY REFERENCES cluster (id),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        version integer NOT NULL CHECK (version >= 0),
        status text NOT NULL CHECK (status IN ('open', 'proposed', 'agreed', 'escalated', 'decided', 'reopen_requested', 'merged')),
        state jsonb NOT NULL,
        deadline timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lead_arrangement_due_idx ON lead_arrangement (deadline) WHERE status = 'proposed'`);
    await q.query(`CREATE INDEX lead_arrangement_group_idx ON lead_arrangement (working_group_id, status)`);
    await q.query(`
      CREATE TABLE lead_arrangement_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster_id uuid NOT NULL REFERENCES cluster (id),
        version integer NOT NULL,
        kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
        actor_user_id uuid REFERENCES app_user (id),
        actor_organisation_id uuid REFERENCES organisation (id),
        by_coordinator boolean NOT NULL DEFAULT false,
        detail jsonb NOT NULL DEFAULT '{}',
        note_message_id uuid REFERENCES cluster_message (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lead_arrangement_event_idx ON lead_arrangement_event (cluster_id, created_at, id)`);

    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cluster_id uuid NOT NULL REFERENCES cluster (id),
        working_group_id uuid NOT NULL REFERENCES working_group (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        authority_id text NOT NULL CHECK (length(authority_id) BETWEEN 1 AND 80),
        authority_name text CHECK (length(authority_name) BETWEEN 1 AND 200),
        referred_on date NOT NULL,
        categories text[] NOT NULL,
        status text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        status_on date NOT NULL,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        reminded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX referral_cluster_idx ON referral (cluster_id, created_at)`);
    await q.query(`CREATE INDEX referral_group_idx ON referral (working_group_id, status)`);
    await q.query(`
      CREATE TABLE referral_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referral (id),
        version integer NOT NULL,
        status text NOT NULL,
        status_on date NOT NULL,
        actor_user_id uuid REFERENCES app_user (id),
        actor_organisation_id uuid REFERENCES organisation (id),
        note_message_id uuid REFERENCES cluster_message (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (referral_id, version)
      )`);

    // Who may negotiate leads for an organisation: its admins, or its
    // investigators too when an admin allows it.
    await q.query(`
      ALTER TABLE organisation ADD COLUMN lead_negotiators text NOT NULL DEFAULT 'admins'
        CHECK (lead_negotiators IN ('admins', 'admins_and_investigators'))`);

    await q.query(`
      CREATE FUNCTION parallax_cluster_access(target uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        -- A merged cluster is reached through the cluster it was merged into.
        WITH RECURSIVE up(id) AS (
          SELECT target
          UNION SELECT c.merged_into FROM cluster c JOIN up ON c.id = up.id WHERE c.merged_into IS NOT NULL
        )
        SELECT CASE
          WHEN EXISTS (SELECT 1 FROM cluster_party p JOIN up ON p.cluster_id = up.id WHERE p.left_at IS NULL
                       AND p.organisation_id = parallax_setting_uuid('parallax.organisation_id')) THEN 'party'
          WHEN EXISTS (SELECT 1 FROM cluster c WHERE c.id = target
                       AND c.working_group_id = ANY (parallax_setting_uuids('parallax.coordinator_of'))) THEN 'coordinator'
          WHEN EXISTS (SELECT 1 FROM cluster_party p JOIN up ON p.cluster_id = up.id
                       AND p.organisation_id = parallax_setting_uuid('parallax.organisation_id')) THEN 'former'
        END
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION parallax_cluster_access(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION parallax_cluster_access(uuid) TO parallax_tenant`);

    const tables = [
      'cluster',
      'cluster_case',
      'cluster_party',
      'cluster_message',
      'cluster_message_copy',
      'lead_arrangement',
      'lead_arrangement_event',
      'referral',
      'referral_event',
    ];
    for (const t of tables) {
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${t} TO parallax_tenant`);
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
    }
    // History is append-only for tenants.
    await q.query(`REVOKE UPDATE ON lead_arrangement_event, referral_event, cluster_message FROM parallax_tenant`);

    const me = `parallax_setting_uuid('parallax.user_id')`;
    const myOrg = `parallax_setting_uuid('parallax.organisation_id')`;
    const access = (col: string) => `parallax_cluster_access(${col})`;
    // Clusters and their parties: seen by parties (present and past) and coordinators; made by the hub.
    await q.query(`CREATE POLICY cluster_read ON cluster FOR SELECT TO parallax_tenant USING (${access('id')} IS NOT NULL)`);
    await q.query(`CREATE POLICY cluster_party_read ON cluster_party FOR SELECT TO parallax_tenant USING (${access('cluster_id')} IS NOT NULL)`);
    // Which case sits in a cluster: each organisation sees only its own.
    await q.query(`CREATE POLICY cluster_case_own ON cluster_case FOR SELECT TO parallax_tenant USING (organisation_id = ${myOrg})`);
    // Messages: the sender and the recipients of a copy; sent only by an active party's member (or a coordinator, to the parties and coordinators).
    await q.query(`
      CREATE POLICY cluster_message_read ON cluster_message FOR SELECT TO parallax_tenant
      USING (sender_user_id = ${me}
             OR EXISTS (SELECT 1 FROM cluster_message_copy k WHERE k.message_id = cluster_message.id AND k.recipient_user_id = ${me}))`);
    await q.query(`
      CREATE POLICY cluster_message_send ON cluster_message FOR INSERT TO parallax_tenant
      WITH CHECK (sender_user_id = ${me}
                  AND ((${access('cluster_id')} = 'party' AND sender_organisation_id = ${myOrg})
                       OR (${access('cluster_id')} = 'coordinator' AND audience = 'parties_and_coordinators')))`);
    await q.query(`
      CREATE POLICY cluster_message_copy_read ON cluster_message_copy FOR SELECT TO parallax_tenant
      USING (recipient_user_id = ${me} OR sender_user_id = ${me})`);
    await q.query(`CREATE POLICY cluster_message_copy_send ON cluster_message_copy FOR INSERT TO parallax_tenant WITH CHECK (sender_user_id = ${me})`);
    await q.query(`
      CREATE POLICY cluster_message_copy_mark ON cluster_message_copy FOR UPDATE TO parallax_tenant
      USING (recipient_user_id = ${me}) WITH CHECK (recipient_user_id = ${me})`);
    // The arrangement: read by anyone with access; changed by active parties and coordinators.
    await q.query(`CREATE POLICY lead_arrangement_read ON lead_arrangement FOR SELECT TO parallax_tenant USING (${access('cluster_id')} IS NOT NULL)`);
    await q.query(`
      CREATE POLICY lead_arrangement_change ON lead_arrangement FOR UPDATE TO parallax_tenant
      USING (${access('cluster_id')} IN ('party', 'coordinator')) WITH CHECK (${access('cluster_id')} IN ('party', 'coordinator'))`);
    await q.query(`CREATE POLICY lead_arrangement_event_read ON lead_arrangement_event FOR SELECT TO parallax_tenant USING (${access('cluster_id')} IS NOT NULL)`);
    await q.query(`
      CREATE POLICY lead_arrangement_event_add ON lead_arrangement_event FOR INSERT TO parallax_tenant
      WITH CHECK (actor_user_id = ${me} AND ${access('cluster_id')} IN ('party', 'coordinator'))`);
    // Referrals: read with access; recorded and followed up by active parties.
    await q.query(`CREATE POLICY referral_read ON referral FOR SELECT TO parallax_tenant USING (${access('cluster_id')} IS NOT NULL)`);
    await q.query(`
      CREATE POLICY referral_write ON referral TO parallax_tenant
      USING (${access('cluster_id')} = 'party') WITH CHECK (${access('cluster_id')} = 'party')`);
    await q.query(`
      CREATE POLICY referral_event_read ON referral_event FOR SELECT TO parallax_tenant
      USING (EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_id))`);
    await q.query(`
      CREATE POLICY referral_event_add ON referral_event FOR INSERT TO parallax_tenant
      WITH CHECK (actor_user_id = ${me} AND EXISTS (SELECT 1 FROM referral r WHERE r.id = referral_id
                  AND ${access('r.cluster_id')} = 'party'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION parallax_cluster_access(uuid)`);
    await q.query(`ALTER TABLE organisation DROP COLUMN lead_negotiators`);
    for (const t of [
      'referral_event',
      'referral',
      'lead_arrangement_event',
      'lead_arrangement',
      'cluster_message_copy',
      'cluster_message',
      'cluster_party',
      'cluster_case',
      'cluster',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
