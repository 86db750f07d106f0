import type { Actor } from '@parallax/authz';
import type { DataSource, EntityManager } from 'typeorm';
import { idempotencyClaim } from '../idempotency/idempotency-scope.js';

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Runs `work` in a transaction as the database role `parallax_tenant`, with
 * the actor in transaction-local settings that the row-level security
 * policies read, and the hub's own context (`parallax.system`) off. Every
 * authenticated request's database work goes through here: a query that
 * forgets to filter still cannot see another tenant's protected rows.
 *
 * `RESET ROLE` here only returns to the application's login role, which is no
 * superuser, has no BYPASSRLS, owns no table and is subject to the same
 * policies and the same settings: it gains nothing.
 *
 * In a mutation sent with an Idempotency-Key, the first transaction that
 * writes also records the key, so the key commits with the change and its
 * audit entry or not at all (see `idempotencyClaim`).
 */
export async function runAsTenant<T>(
  dataSource: DataSource,
  actor: Actor,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const claim = idempotencyClaim(actor);
  let committed = false;
  try {
    const result = await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL ROLE parallax_tenant');
      await manager.query(
        `SELECT set_config('parallax.system', 'off', true),
              set_config('parallax.user_id', $1, true),
              set_config('parallax.organisation_id', $2, true),
              set_config('parallax.platform_admin', $3, true),
              set_config('parallax.org_admin', $4, true),
              set_config('parallax.coordinator_of', $5, true),
              set_config('parallax.member_of', $6, true),
              set_config('parallax.donor_of', $7, true)`,
        [
          actor.userId,
          actor.organisationId ?? '',
          actor.isPlatformAdmin ? 'on' : 'off',
          actor.role === 'org_admin' ? 'on' : 'off',
          uuidArray(actor.coordinatorOf),
          uuidArray(actor.memberOf),
          uuidArray(actor.donorOf),
        ],
      );
      await claim?.begin(manager);
      const done = await work(manager);
      await claim?.end(manager);
      return done;
    });
    committed = true;
    return result;
  } finally {
    claim?.settle(committed);
  }
}
