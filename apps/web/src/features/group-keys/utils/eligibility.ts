import type { Viewer } from '../../auth/hooks/session';

type Actor = Viewer['actor'];

/** Roles whose people fingerprint cases in their organisation's groups (the API's rule). */
const FINGERPRINTING_ROLES: ReadonlySet<string> = new Set(['org_admin', 'investigator']);

/** Working groups where the viewer registers cases and acts on overlaps. */
export function fingerprintingGroups(actor: Actor): string[] {
  return actor.role && FINGERPRINTING_ROLES.has(actor.role) ? [...actor.memberOf] : [];
}

/**
 * Working groups whose key K_group the viewer may hold: the groups they
 * coordinate, and those where they fingerprint (see keys/eligibility.ts in the API).
 */
export function keyHolderGroups(actor: Actor): string[] {
  return [...new Set([...actor.coordinatorOf, ...fingerprintingGroups(actor)])];
}
