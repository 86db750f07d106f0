import { initialArrangement, transition, type ArrangementOutcome } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import type { ArrangementStore } from '../arrangements/arrangement.store.js';

/** A new cluster's arrangement: every party's role open. */
export async function createArrangement(
  m: EntityManager,
  store: ArrangementStore,
  clusterId: string,
  workingGroupId: string,
  parties: readonly string[],
): Promise<void> {
  await store.create(m, clusterId, workingGroupId, initialArrangement(parties));
}

/**
 * Applies a party's arrival or departure, as the hub (`system` actor), to the
 * cluster's arrangement, locked for the rest of the transaction. Returns the
 * rule book's outcomes ([] when nothing changed: a merged arrangement, or a
 * party already in or already out, which the rule book refuses).
 */
export async function systemTransition(
  m: EntityManager,
  store: ArrangementStore,
  clusterId: string,
  kind: 'party_joined' | 'party_left',
  organisationId: string,
  detail: Record<string, unknown> = {},
): Promise<ArrangementOutcome[]> {
  const stored = await store.load(m, clusterId, true);
  if (!stored || stored.status === 'merged') return [];
  const at = new Date().toISOString();
  const result = transition(stored.state, { kind: 'system' }, { type: kind, organisationId, at });
  if (!result.ok) return [];
  const saved = await store.save(m, clusterId, stored.state, result.state, {
    kind,
    actorUserId: null,
    actorOrganisationId: null,
    byCoordinator: false,
    detail: { organisationId, outcomes: result.outcomes, ...detail },
    noteMessageId: null,
  });
  // The row is locked: the version cannot have moved since the load.
  if (!saved) throw new Error(`arrangement of cluster ${clusterId} changed under its lock`);
  return result.outcomes;
}
