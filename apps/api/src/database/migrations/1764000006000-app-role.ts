import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security everywhere (issue 9, item 7). The hub's pool connects
 * as a login role that is neither superuser, nor BYPASSRLS, nor the owner of
 * any table (see `app-role.ts`), so every table here is `FORCE`d and needs a
 * policy for every access:
 *
 * - a tenant transaction (`runAsTenant`) sees what its actor may see, from
 *   transaction-local settings (user, organisation, roles, groups);
 * - the hub's own work that is no tenant's (sign-in before an actor exists,
 *   sign-up by token, jobs, matching, the coordinators' aggregates, the demo
 *   seed, migrations) runs with `parallax.system = on`: set at session level
 *   by the hub's pool for each new connection, switched off for the length of
 *   a tenant transaction (so `RESET ROLE` there changes nothing and `RESET
 *   ALL` falls back to nothing at all), and back on only by `withOwnerRights`.
 *
 * Another organisation's users are read through `user_directory`, which
 * shows public keys and names but none of the sealed secrets (login
 * verifier, sealed private keys, TOTP seed) that `app_user` holds.
 */
export class AppRole1764000006000 implements MigrationInterface {
  name = 'AppRole1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION parallax_is_system() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('parallax.system', true), '') = 'on'
      $$`);
    await q.query(`
      CREATE FUNCTION parallax_is_org_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('parallax.org_admin', true), '') = 'on'
      $$`);
    await q.query(`
      CREATE FUNCTION parallax_setting_uuids(name text) RETURNS uuid[] LANGUAGE sql STABLE AS $$
        SELECT coalesce(nullif(current_setting(name, true), ''), '{}')::uuid[]
      $$`);
    // Groups whose key material the actor may touch: those it coordinates and
    // those its organisation is an active member of.
    await q.query(`
      CREATE FUNCTION parallax_key_groups() RETURNS uuid[] LANGUAGE sql STABLE AS $$
        SELECT parallax_setting_uuids('parallax.coordinator_of') || parallax_setting_uuids('parallax.member_of')
      $$`);
    // Groups whose make-up (members, coordinators, donors) the actor may see.
    await q.query(`
      CREATE FUNCTION parallax_seen_groups() RETURNS uuid[] LANGUAGE sql STABLE AS $$
        SELECT parallax_key_groups() || parallax_setting_uuids('parallax.donor_of')
      $$`);

    // Every table gets FORCE and the hub's policy; the migration runner calls
    // this again after every migration, so a table added later cannot be
    // left open (it is closed to tenants until it has a policy for them).
    await q.query(`
      CREATE FUNCTION parallax_seal_schema() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE t record; f record; n integer := 0;
      BEGIN
        FOR t IN SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
                 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        LOOP
          IF NOT t.relrowsecurity THEN EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname); END IF;
          IF NOT t.relforcerowsecurity THEN EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname); END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = format('%I', t.relname)::regclass
                         AND p.polname = t.relname || '_hub') THEN
            EXECUTE format('CREATE POLICY %I ON %I USING (parallax_is_system()) WITH CHECK (parallax_is_system())',
                           t.relname || '_hub', t.relname);
            n := n + 1;
          END IF;
        END LOOP;
        -- SECURITY DEFINER helpers run with the owner's rights so as to see
        -- past the caller's policies; when the owner is not a superuser FORCE
        -- applies to it too, so each says it is the hub's.
        FOR f IN SELECT p.oid::regprocedure AS sig FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef
                   AND NOT coalesce('parallax.system=on' = ANY (p.proconfig), false)
        LOOP
          EXECUTE format('ALTER FUNCTION %s SET parallax.system = ''on''', f.sig);
        END LOOP;
        RETURN n;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION parallax_seal_schema() FROM PUBLIC`);
    await q.query(`SELECT parallax_seal_schema()`);

    // The migration table is the runner's; the application only reads it.
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migration FROM parallax_tenant`);
    await q.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);

    const me = `parallax_setting_uuid('parallax.user_id')`;
    const myOrg = `parallax_setting_uuid('parallax.organisation_id')`;
    const admin = `parallax_is_platform_admin()`;
    const coordinates = (col: string) => `${col} = ANY ((SELECT parallax_setting_uuids('parallax.coordinator_of'))::uuid[])`;
    const keyGroup = (col: string) => `${col} = ANY ((SELECT parallax_key_groups())::uuid[])`;
    const seenGroup = (col: string) => `${col} = ANY ((SELECT parallax_seen_groups())::uuid[])`;

    // Organisations: names and kinds are shown to every signed-in user (member
    // lists, revealed overlaps); only platform admins make them.
    await q.query(`CREATE POLICY organisation_read ON organisation FOR SELECT TO parallax_tenant USING (true)`);
    await q.query(`CREATE POLICY organisation_create ON organisation FOR INSERT TO parallax_tenant WITH CHECK (${admin})`);
    await q.query(`
      CREATE POLICY organisation_change ON organisation FOR UPDATE TO parallax_tenant
      USING (${admin} OR (id = ${myOrg} AND parallax_is_org_admin()))`);

    // Users: one's own row and one's organisation's; everyone else through
    // user_directory below. A platform admin makes organisations' first admins.
    await q.query(`
      CREATE POLICY app_user_read ON app_user FOR SELECT TO parallax_tenant
      USING (${admin} OR id = ${me} OR organisation_id = ${myOrg})`);
    await q.query(`CREATE POLICY app_user_create ON app_user FOR INSERT TO parallax_tenant WITH CHECK (${admin})`);
    await q.query(`
      CREATE POLICY app_user_change ON app_user FOR UPDATE TO parallax_tenant
      USING (${admin} OR id = ${me} OR (organisation_id = ${myOrg} AND parallax_is_org_admin()))`);

    // Working groups and their make-up.
    await q.query(`
      CREATE POLICY working_group_read ON working_group FOR SELECT TO parallax_tenant
      USING (${admin} OR ${seenGroup('id')}
             OR EXISTS (SELECT 1 FROM working_group_member m WHERE m.working_group_id = working_group.id
                        AND m.organisation_id = ${myOrg}))`);
    await q.query(`CREATE POLICY working_group_create ON working_group FOR INSERT TO parallax_tenant WITH CHECK (${admin})`);
    await q.query(`
      CREATE POLICY working_group_change ON working_group FOR UPDATE TO parallax_tenant
      USING (${admin} OR ${coordinates('id')})`);
    await q.query(`
      CREATE POLICY working_group_member_read ON working_group_member FOR SELECT TO parallax_tenant
      USING (${admin} OR organisation_id = ${myOrg} OR ${seenGroup('working_group_id')})`);
    // Coordinators and platform admins admit and remove organisations; an
    // organisation's admin answers for it (accepts, leaves) but cannot add it.
    await q.query(`
      CREATE POLICY working_group_member_write ON working_group_member TO parallax_tenant
      USING (${admin} OR ${coordinates('working_group_id')})`);
    await q.query(`
      CREATE POLICY working_group_member_answer ON working_group_member FOR UPDATE TO parallax_tenant
      USING (organisation_id = ${myOrg} AND parallax_is_org_admin())`);
    await q.query(`
      CREATE POLICY working_group_coordinator_read ON working_group_coordinator FOR SELECT TO parallax_tenant
      USING (${admin} OR user_id = ${me} OR ${seenGroup('working_group_id')})`);
    await q.query(`
      CREATE POLICY working_group_coordinator_write ON working_group_coordinator TO parallax_tenant
      USING (${admin} OR ${coordinates('working_group_id')})`);
    await q.query(`
      CREATE POLICY working_group_donor_read ON working_group_donor FOR SELECT TO parallax_tenant
      USING (${admin} OR organisation_id = ${myOrg} OR ${seenGroup('working_group_id')})`);
    await q.query(`
      CREATE POLICY working_group_donor_write ON working_group_donor TO parallax_tenant
      USING (${admin} OR ${coordinates('working_group_id')})`);

    // Key material: epochs (with the hub's sealed OPRF key) and sealed copies
    // of K_group, for the group's coordinators and active members only.
    await q.query(`
      CREATE POLICY working_group_epoch_read ON working_group_epoch FOR SELECT TO parallax_tenant
      USING (${keyGroup('working_group_id')})`);
    await q.query(`
      CREATE POLICY working_group_epoch_create ON working_group_epoch FOR INSERT TO parallax_tenant
      WITH CHECK (${coordinates('working_group_id')})`);
    await q.query(`
      CREATE POLICY working_group_epoch_retire ON working_group_epoch FOR UPDATE TO parallax_tenant
      USING (${coordinates('working_group_id')})`);
    await q.query(`
      CREATE POLICY group_key_grant_read ON group_key_grant FOR SELECT TO parallax_tenant
      USING (${keyGroup('working_group_id')})`);
    await q.query(`
      CREATE POLICY group_key_grant_seal ON group_key_grant FOR INSERT TO parallax_tenant
      WITH CHECK (${keyGroup('working_group_id')} AND granted_by = ${me})`);
    await q.query(`
      CREATE POLICY group_key_grant_mark ON group_key_grant FOR UPDATE TO parallax_tenant
      USING (user_id = ${me})`);
    await q.query(`
      CREATE POLICY group_key_grant_remove ON group_key_grant FOR DELETE TO parallax_tenant
      USING (${keyGroup('working_group_id')})`);

    // OPRF budgets: an organisation's own counters; its groups' coordinators read them.
    await q.query(`
      CREATE POLICY oprf_usage_own ON oprf_usage TO parallax_tenant
      USING (organisation_id = ${myOrg}) WITH CHECK (organisation_id = ${myOrg})`);
    await q.query(`
      CREATE POLICY oprf_usage_coordinator ON oprf_usage FOR SELECT TO parallax_tenant
      USING (${coordinates('working_group_id')})`);

    // Public keys and names of the users an actor works with: its own
    // organisation, the organisations and coordinators of its groups, and
    // platform admins. Never a sealed secret. The function reads app_user
    // with the hub's rights and filters by the caller's actor itself.
    await q.query(`
      CREATE FUNCTION user_directory_rows()
      RETURNS TABLE (id uuid, display_name text, organisation_id uuid, role user_role, is_platform_admin boolean,
                     public_key bytea, signing_public_key bytea, disabled_at timestamptz, created_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET parallax.system = 'on' AS $$
        SELECT u.id, u.display_name, u.organisation_id, u.role, u.is_platform_admin,
               u.public_key, u.signing_public_key, u.disabled_at, u.created_at
        FROM app_user u
        WHERE ${me} IS NULL OR ${admin} OR u.is_platform_admin OR u.id = ${me} OR u.organisation_id = ${myOrg}
           OR u.organisation_id IN (SELECT m.organisation_id FROM working_group_member m
                                    WHERE ${seenGroup('m.working_group_id')})
           OR u.id IN (SELECT c.user_id FROM working_group_coordinator c WHERE ${seenGroup('c.working_group_id')})
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION user_directory_rows() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION user_directory_rows() TO parallax_tenant`);
    await q.query(`CREATE VIEW user_directory AS SELECT * FROM user_directory_rows()`);
    await q.query(`GRANT SELECT ON user_directory TO parallax_tenant`);

    // Ending another user's sessions was open to any tenant (the function
    // runs with the owner's rights): now only the user, an admin of the
    // user's organisation, a platform admin, or the hub with no actor.
    await q.query(`
      CREATE OR REPLACE FUNCTION revoke_user_sessions(target uuid) RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH allowed AS (
          SELECT ${me} IS NULL OR target = ${me} OR ${admin}
                 OR (parallax_is_org_admin()
                     AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = target AND u.organisation_id = ${myOrg})) AS ok
        ), revoked AS (
          UPDATE user_session SET revoked_at = now()
          WHERE user_id = target AND revoked_at IS NULL AND (SELECT ok FROM allowed)
          RETURNING 1
        ) SELECT count(*)::integer FROM revoked
      $$`);

    // user_directory_rows is new: mark it (and any other definer) as the hub's.
    await q.query(`SELECT parallax_seal_schema()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION revoke_user_sessions(target uuid) RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH revoked AS (
          UPDATE user_session SET revoked_at = now() WHERE user_id = target AND revoked_at IS NULL RETURNING 1
        ) SELECT count(*)::integer FROM revoked
      $$`);
    for (const fn of ['revoke_user_sessions(uuid)', 'audit_chain_head()']) {
      await q.query(`ALTER FUNCTION ${fn} RESET parallax.system`);
    }
    await q.query(`DROP VIEW user_directory`);
    await q.query(`DROP FUNCTION user_directory_rows()`);
    for (const [table, policies] of Object.entries({
      organisation: ['organisation_read', 'organisation_create', 'organisation_change'],
      app_user: ['app_user_read', 'app_user_create', 'app_user_change'],
      working_group: ['working_group_read', 'working_group_create', 'working_group_change'],
      working_group_member: ['working_group_member_read', 'working_group_member_write', 'working_group_member_answer'],
      working_group_coordinator: ['working_group_coordinator_read', 'working_group_coordinator_write'],
      working_group_donor: ['working_group_donor_read', 'working_group_donor_write'],
      working_group_epoch: ['working_group_epoch_read', 'working_group_epoch_create', 'working_group_epoch_retire'],
      group_key_grant: ['group_key_grant_read', 'group_key_grant_seal', 'group_key_grant_mark', 'group_key_grant_remove'],
      oprf_usage: ['oprf_usage_own', 'oprf_usage_coordinator'],
    })) {
      for (const p of policies) await q.query(`DROP POLICY ${p} ON ${table}`);
    }
    const tables = (await q.query(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`,
    )) as Array<{ relname: string }>;
    for (const { relname } of tables) await q.query(`DROP POLICY IF EXISTS "${relname}_hub" ON "${relname}"`);
    // Back to how the earlier migrations left them; tables that forced
    // row-level security themselves keep it.
    for (const table of ['invitation', 'user_session', 'audit_log', 'tracking_case', 'case_fingerprint', 'overlap', 'notification']) {
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    }
    for (const table of [
      'organisation', 'app_user', 'working_group', 'working_group_member', 'working_group_coordinator',
      'working_group_donor', 'working_group_epoch', 'group_key_grant', 'oprf_usage', 'schema_migration', 'login_throttle',
    ]) {
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`GRANT INSERT, UPDATE, DELETE ON schema_migration TO parallax_tenant`);
    await q.query(`DROP FUNCTION parallax_seal_schema()`);
    await q.query(`DROP FUNCTION parallax_seen_groups()`);
    await q.query(`DROP FUNCTION parallax_key_groups()`);
    await q.query(`DROP FUNCTION parallax_setting_uuids(text)`);
    await q.query(`DROP FUNCTION parallax_is_org_admin()`);
    await q.query(`DROP FUNCTION parallax_is_system()`);
  }
}
