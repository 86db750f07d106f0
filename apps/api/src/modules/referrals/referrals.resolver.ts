import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { RecordReferralInput, UpdateReferralInput } from './dto/referral.input.js';
import { ReferralAuthorityModel } from './models/referral-authority.model.js';
import { Referral } from './models/referral.model.js';
import { ReferralAuthorities } from './referral-authorities.js';
import { ReferralsService } from './referrals.service.js';

@Resolver(() => Referral)
export class ReferralsResolver {
  constructor(
    private readonly service: ReferralsService,
    private readonly authorities: ReferralAuthorities,
  ) {}

  @Authenticated()
  @Query(() => [ReferralAuthorityModel], {
    description:
      "The authorities a cluster can be referred to (the hub's list, then 'other', which takes a name).",
  })
  referralAuthorities(): ReferralAuthorityModel[] {
    // The same public list for every signed-in user: nothing tenant-specific is read.
    return this.authorities.all().map((a) => ({ ...a }));
  }

  @Authenticated()
  @Mutation(() => Referral, {
    description:
      'Record that the cluster was referred to an authority (lead, co-lead or a party the arrangement allows). Categories say what was handed over, never what it contained.',
  })
  recordReferral(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordReferralInput,
  ): Promise<Referral> {
    return this.service.record(actor, input);
  }

  @Authenticated()
  @Mutation(() => Referral, {
    description:
      "Record the authority's feedback: move the referral to a next status (compare-and-set on expectedVersion).",
  })
  updateReferralStatus(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateReferralInput,
  ): Promise<Referral> {
    return this.service.updateStatus(actor, input);
  }
}
