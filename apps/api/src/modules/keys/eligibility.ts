import type { Actor } from '@parallax/authz';
import type { EntityManager } from 'typeorm';

/**
 * Who may hold a working group's key K_group and fingerprint for it: its
 * coordinators, and the org admins and investigators of its active member
 * organisations (viewers and donors never fingerprint).
 */
export const ELIGIBLE_HOLDERS_SQL = `
  SELECT u.id, u.display_name, u.public_key
  FROM app_user u
  WHERE u.disabled_at IS NULL AND (
    EXISTS (SELECT 1 FROM working_group_coordinator c WHERE c.working_group_id = $1 AND c.user_id = u.id)
    OR (u.role IN ('org_admin', 'investigator') AND EXISTS (
      SELECT 1 FROM working_group_member m
      WHERE m.working_group_id = $1 AND m.organisation_id = u.organisation_id AND m.status = 'active')))`;

export interface Holder {
  id: string;
  display_name: string;
  public_key: Buffer;
}

export async function eligibleHolders(m: EntityManager, workingGroupId: string): Promise<Holder[]> {
  return (await m.query(`${ELIGIBLE_HOLDERS_SQL} ORDER BY u.id`, [workingGroupId])) as Holder[];
}

/** A member who fingerprints cases: org admin or investigator of an active member organisation. */
export function isFingerprintingMember(actor: Actor, workingGroupId: string): boolean {
  return (
    actor.memberOf.includes(workingGroupId) && (actor.role === 'org_admin' || actor.role === 'investigator')
  );
}
