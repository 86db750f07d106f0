import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
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
    return (await this.service.list(actor)).map(toOrganisation);
  }

  @Authenticated()
  @Query(() => Organisation)
  async organisation(
    @CurrentActor() actor: Actor,
    @UuidArg('id') id: string,
  ): Promise<Organisation> {
    return toOrganisation(await this.service.get(actor, id));
  }

  @Authenticated()
  @Mutation(() => Organisation)
  async createOrganisation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateOrganisationInput,
  ): Promise<Organisation> {
    return toOrganisation(await this.service.create(actor, input.name, input.kind));
  }
}
