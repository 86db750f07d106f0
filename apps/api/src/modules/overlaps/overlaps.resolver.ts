import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';
import { Overlap } from './models/overlap.model.js';
import { OverlapsException } from './overlaps.exception.js';
import { OverlapsService } from './overlaps.service.js';

const VERDICTS = ['confirmed', 'false_match'] as const;

@Resolver(() => Overlap)
export class OverlapsResolver {
  constructor(private readonly service: OverlapsService) {}

  @Authenticated()
  @Mutation(() => Overlap, {
    description:
      'Mark an overlap confirmed or a false match (a reason is required for a false match).',
  })
  setOverlapVerdict(
    @CurrentActor() actor: Actor,
    @UuidArg('overlapId') overlapId: string,
    @Args('verdict', { type: () => String }) verdict: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ): Promise<Overlap> {
    if (!(VERDICTS as readonly string[]).includes(verdict)) {
      throw new OverlapsException(ErrorCode.BadUserInput, 'verdict is confirmed or false_match', {
        field: 'verdict',
      });
    }
    if (reason && reason.length > 500)
      throw new OverlapsException(ErrorCode.BadUserInput, 'Keep the reason under 500 characters');
    return this.service.setVerdict(
      actor,
      overlapId,
      verdict as (typeof VERDICTS)[number],
      reason ?? null,
    );
  }

  @Authenticated()
  @Mutation(() => Overlap, {
    description:
      'Ask the other organisation to get in touch; identities are revealed if it accepts.',
  })
  requestContact(
    @CurrentActor() actor: Actor,
    @UuidArg('overlapId') overlapId: string,
  ): Promise<Overlap> {
    return this.service.requestContact(actor, overlapId);
  }

  @Authenticated()
  @Mutation(() => Overlap)
  respondToContact(
    @CurrentActor() actor: Actor,
    @UuidArg('overlapId') overlapId: string,
    @Args('accept', { type: () => Boolean }) accept: boolean,
  ): Promise<Overlap> {
    return this.service.respondToContact(actor, overlapId, accept);
  }
}
