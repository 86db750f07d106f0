import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, StepUp } from '../../common/authorization/public.decorator.js';
import { Organisation } from '../organisations/models/organisation.model.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { toOrganisation } from '../organisations/organisations.repository.js';
import { ArrangementsService } from './arrangements.service.js';
import { LeadNegotiatorsEnum, type LeadNegotiators } from './models/arrangement-enums.js';

type WithPolicy = Organisation & { leadNegotiators?: LeadNegotiators };

/** Who negotiates the lead for an organisation: its admins decide. */
@Resolver(() => Organisation)
export class OrganisationNegotiatorsResolver {
  constructor(
    private readonly service: ArrangementsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @StepUp()
  @Mutation(() => Organisation, {
    description:
      "Lets the caller's organisation's investigators negotiate the lead too, or only its admins. Admins only; audited.",
  })
  async setLeadNegotiators(
    @CurrentActor() actor: Actor,
    @Args('policy', { type: () => LeadNegotiatorsEnum }) policy: LeadNegotiators,
  ): Promise<Organisation> {
    const id = await this.service.setLeadNegotiators(actor, policy);
    const org: WithPolicy = toOrganisation(
      await this.organisations.get(actor, id),
      actor.organisationId,
    );
    org.leadNegotiators = policy;
    return org;
  }

  @Authenticated()
  @ResolveField('leadNegotiators', () => LeadNegotiatorsEnum, {
    nullable: true,
    description: 'Who negotiates the lead for it; shown to its own members only (null for others).',
  })
  async leadNegotiators(
    @CurrentActor() actor: Actor,
    @Parent() org: WithPolicy,
  ): Promise<LeadNegotiators | null> {
    if (org.id !== actor.organisationId) return null;
    return org.leadNegotiators ?? this.service.leadNegotiators(actor, org.id);
  }
}
