import type { Actor } from '@parallax/authz';

/** A member who fingerprints cases: org admin or investigator of an active member organisation. */
export function isFingerprintingMember(actor: Actor, workingGroupId: string): boolean {
  return (
    actor.memberOf.includes(workingGroupId) &&
    (actor.role === 'org_admin' || actor.role === 'investigator')
  );
}
