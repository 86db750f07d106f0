import type { EntityManager } from 'typeorm';

export const REVEAL_POLICY = Symbol('REVEAL_POLICY');

/**
 * Whether the two organisations of a new overlap learn each other's identity
 * at once. Otherwise identities are revealed only on mutual consent (a
 * contact request, accepted). Sharing agreements will provide the rule that
 * says "at once" ("identity disclosure on overlap"); until then nothing does.
 */
export interface RevealPolicy {
  revealOnDetection(
    m: EntityManager,
    pair: { workingGroupId: string; organisationIds: [string, string] },
  ): Promise<boolean>;
}

export class ConsentOnlyRevealPolicy implements RevealPolicy {
  async revealOnDetection(): Promise<boolean> {
    return false;
  }
}
