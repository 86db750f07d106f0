import { Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';
import { KeyRequestsService, type KeyUnblockersData } from './key-requests.service.js';
import { KeyUnblockers } from './models/key-unblockers.model.js';

function toKeyUnblockers(workingGroupId: string, d: KeyUnblockersData): KeyUnblockers {
  return {
    workingGroupId,
    reason: d.reason,
    people: d.people.map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      organisationName: p.organisationName,
      role: p.role,
      isCoordinator: p.isCoordinator,
    })),
    askedAt: d.askedAt,
    canAskAgainAt: d.canAskAgainAt,
  };
}

/** A user waiting for a group key: who can unblock them, and asking them. */
@Resolver(() => KeyUnblockers)
export class KeyRequestsResolver {
  constructor(private readonly requests: KeyRequestsService) {}

  @Authenticated()
  @Query(() => KeyUnblockers, {
    description:
      'For a possible holder of the group key: why they have no copy yet and who can change that (coordinators and their own organisation only).',
  })
  async keyUnblockers(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
  ): Promise<KeyUnblockers> {
    return toKeyUnblockers(workingGroupId, await this.requests.unblockers(actor, workingGroupId));
  }

  @Authenticated()
  @Mutation(() => KeyUnblockers, {
    description:
      'Notify everyone who can unblock the caller (audited). At most once an hour per group: asking again changes nothing.',
  })
  async askForGroupKey(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
  ): Promise<KeyUnblockers> {
    return toKeyUnblockers(workingGroupId, await this.requests.ask(actor, workingGroupId));
  }
}
