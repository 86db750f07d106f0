import type { EntityManager } from 'typeorm';

/**
 * Runs `work` in the hub's own context inside a tenant transaction (see
 * `runAsTenant`), then returns to the tenant's. For the few writes that are
 * the hub's and not a tenant's (the job queue, the other party's alert) and
 * the reads a tenant may not make but its cause needs (the other side's case
 * reference for its alert). The role does not change: the application's role
 * has no more rights than the tenant role, and no way to an owner's; only the
 * `_hub` policies, keyed on this transaction-local setting, let it through.
 */
export async function withOwnerRights<T>(m: EntityManager, work: () => Promise<T>): Promise<T> {
  // Re-entrant: a nested call (a helper that takes the rights itself, called
  // by a caller that already has them) must not switch them off for the rest
  // of its caller's work.
  const [current] = await m.query<Array<{ on: boolean }>>(
    `SELECT coalesce(current_setting('parallax.system', true), '') = 'on' AS on`,
  );
  if (current?.on) return work();
  await m.query(`SELECT set_config('parallax.system', 'on', true)`);
  try {
    return await work();
  } finally {
    await m.query(`SELECT set_config('parallax.system', 'off', true)`);
  }
}
