import type { ArrangementState, PartyRole } from './types.js';
import { LEAD_ROLES } from './types.js';

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

export const sortParties = sorted;

/** Lead and co-leads always may refer; the others only when the arrangement says so. */
export function normaliseRoles(roles: readonly PartyRole[]): PartyRole[] {
  return [...roles]
    .map((r) => ({
      organisationId: r.organisationId,
      role: r.role,
      mayRefer:
        r.role === 'lead' || r.role === 'co_lead'
          ? true
          : r.role === 'withdrawn'
            ? false
            : r.mayRefer,
    }))
    .sort((a, b) =>
      a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0,
    );
}

export function roleOf(
  roles: readonly PartyRole[] | null,
  organisationId: string,
): PartyRole | undefined {
  return roles?.find((r) => r.organisationId === organisationId);
}

/** Those who lead (lead or co-lead) under a set of roles. */
export function leadersOf(roles: readonly PartyRole[] | null): string[] {
  return (roles ?? [])
    .filter((r) => r.role === 'lead' || r.role === 'co_lead')
    .map((r) => r.organisationId);
}

/**
 * Why a set of roles is not a valid arrangement for this state, or null:
 * exactly one role per party and none for anyone else; at most one lead and
 * at least one lead or co-lead; outside the open scope, the roles in force
 * stay as they are (a newcomer's reopening touches only the newcomer).
 */
export function rolesProblem(
  state: ArrangementState,
  roles: readonly PartyRole[],
  fullScope: boolean,
): string | null {
  const ids = roles.map((r) => r.organisationId);
  if (new Set(ids).size !== ids.length) return 'A party has two roles';
  if (sorted(ids).join() !== state.parties.join()) return 'Give every party exactly one role';
  if (roles.some((r) => !(LEAD_ROLES as readonly string[]).includes(r.role))) return 'Unknown role';
  if (roles.filter((r) => r.role === 'lead').length > 1) return 'At most one organisation leads';
  if (leadersOf(roles).length === 0) return 'Someone must lead or co-lead';
  if (!fullScope && state.inForce) {
    for (const r of roles) {
      if (state.scope.includes(r.organisationId)) continue;
      const before = roleOf(state.inForce, r.organisationId);
      if (
        before &&
        (before.role !== r.role || before.mayRefer !== normaliseRoles([r])[0]?.mayRefer)
      )
        return 'Only the reopened parties’ roles may change';
    }
  }
  return null;
}
