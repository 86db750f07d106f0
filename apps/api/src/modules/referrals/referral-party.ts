import type { Actor } from '@parallax/authz';
import { ErrorCode, type PartyRole } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import { isFingerprintingMember } from '../keys/eligibility.js';
import { clusterAccess, clusterHeader, type ClusterAccess } from '../clusters/cluster-access.js';
import { ReferralsException } from './referrals.exception.js';
import type { ReferralsRepository } from './referrals.repository.js';

/** Where the caller stands on a cluster it wants to refer, or follow a referral of. */
export interface PartyContext {
  clusterId: string;
  workingGroupId: string;
  organisationId: string;
  /** The roles under the arrangement in force (null when none is). */
  inForce: PartyRole[] | null;
}

/** The caller's organisation, when its role may act on referrals at all (admin or investigator). */
export function actingOrganisation(actor: Actor): string {
  if (!actor.organisationId || (actor.role !== 'org_admin' && actor.role !== 'investigator')) {
    throw new ReferralsException(
      ErrorCode.Forbidden,
      'Only admins and investigators of a party record referrals',
    );
  }
  return actor.organisationId;
}

/**
 * The caller's standing on a cluster, in its tenant transaction: NOT_FOUND
 * when the cluster is none of its business (or was merged into another);
 * REFERRAL_NOT_ALLOWED for a former party or a coordinator, who read
 * referrals but do not act on them. The arrangement row is locked for share,
 * so a change of roles waits for this referral (and the other way round):
 * the roles checked are the roles in force when the referral commits.
 */
export async function partyContext(
  m: EntityManager,
  actor: Actor,
  repository: ReferralsRepository,
  clusterId: string,
  lock = true,
): Promise<PartyContext> {
  const organisationId = actingOrganisation(actor);
  const access: ClusterAccess | null = await clusterAccess(m, clusterId);
  const header = access ? await clusterHeader(m, clusterId) : null;
  if (!header) throw new ReferralsException(ErrorCode.NotFound, 'No such cluster');
  if (header.merged_into) {
    throw new ReferralsException(
      ErrorCode.NotFound,
      'This cluster was merged into another: act there',
      {
        mergedInto: header.merged_into,
      },
    );
  }
  if (access !== 'party' || !isFingerprintingMember(actor, header.working_group_id)) {
    throw new ReferralsException(
      ErrorCode.ReferralNotAllowed,
      'Only the members of an organisation taking part in the cluster act on its referrals',
    );
  }
  const arrangement = await repository.rolesInForce(m, clusterId, lock);
  return {
    clusterId,
    workingGroupId: header.working_group_id,
    organisationId,
    inForce: arrangement && arrangement.status !== 'merged' ? arrangement.inForce : null,
  };
}
