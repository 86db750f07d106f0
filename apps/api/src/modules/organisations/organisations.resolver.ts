import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, StepUp } from '../../common/authorization/public.decorator.js';
import { CreateOrganisationInput } from './dto/create-organisation.input.js';
import { Organisation } from './models/organisation.model.js';
import { toOrganisation } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Authenticated()
  @Query(() => [Organisation])
  async organisations(@CurrentActor() actor: Actor): Promise<Organisation[]> {
    return (await this.service.list(actor)).map((o) => toOrganisation(o, actor.organisationId));
  }

  @Authenticated()
  @Query(() => Organisation)
  async organisation(
    @CurrentActor() actor: Actor,
    @UuidArg('id') id: string,
  ): Promise<Organisation> {
    return toOrganisation(await this.service.get(actor, id), actor.organisationId);
  }

  @Authenticated()
  @Mutation(() => Organisation)
  async createOrganisation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<Organisation> {
    return toOrganisation(
      await this.service.create(actor, input.name, input.kind),
      actor.organisationId,
    );
  }

  @StepUp()
  @Mutation(() => Organisation, {
    description:
      "Sets (or, with null, clears) the template the organisation's case references must follow; its admins only. Audited.",
  })
  async setCaseReferencePattern(
    @CurrentActor() actor: Actor,
    @UuidArg('organisationId') organisationId: string,
    @Args('pattern', { type: () => String, nullable: true }) pattern: string | null,
  ): Promise<Organisation> {
    return toOrganisation(
      await this.service.setReferencePattern(actor, organisationId, pattern),
      actor.organisationId,
    );
  }
}
