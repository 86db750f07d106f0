import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { isFingerprintingMember } from '../keys/eligibility.js';
import { CasesException } from './cases.exception.js';

/**
 * The caller's organisation, when it may fingerprint in the group. Anyone
 * else is told the group does not exist, so membership cannot be probed.
 */
export function assertFingerprintingMember(actor: Actor, workingGroupId: string): string {
  if (!actor.organisationId || !isFingerprintingMember(actor, workingGroupId)) {
    throw new CasesException(ErrorCode.NotFound, 'No such working group');
  }
  return actor.organisationId;
}
