import type { Actor } from '@parallax/authz';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in a transaction as the database role `parallax_tenant`, with
 * the actor in transaction-local settings that the row-level security
 * policies read. Every authenticated request's database work goes through
 * here: a query that forgets to filter still cannot see another tenant's
 * protected rows.
 */
export async function runAsTenant<T>(
  dataSource: DataSource,
  actor: Actor,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SET LOCAL ROLE parallax_tenant');
    await manager.query(
      `SELECT set_config('parallax.user_id', $1, true),
              set_config('parallax.organisation_id', $2, true),
              set_config('parallax.platform_admin', $3, true),
              set_config('parallax.org_admin', $4, true),
              set_config('parallax.coordinator_of', $5, true)`,
      [
        actor.userId,
        actor.organisationId ?? '',
        actor.isPlatformAdmin ? 'on' : 'off',
        actor.role === 'org_admin' ? 'on' : 'off',
        `{${actor.coordinatorOf.join(',')}}`,
      ],
    );
    return work(manager);
  });
}
