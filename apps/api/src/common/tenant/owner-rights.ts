import type { EntityManager } from 'typeorm';

/**
 * Runs `work` with the hub owner's rights inside a tenant transaction (see
 * `runAsTenant`), then returns to the tenant role. For the few writes that are
 * the hub's and not a tenant's (the job queue) and the reads a tenant may not
 * make but its cause needs (the other side's case reference for its alert).
 */
export async function withOwnerRights<T>(m: EntityManager, work: () => Promise<T>): Promise<T> {
  await m.query('RESET ROLE');
  try {
    return await work();
  } finally {
    await m.query('SET LOCAL ROLE parallax_tenant');
  }
}
