import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import type { OverlapAlertLevel } from '@parallax/domain';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, StepUp } from '../../common/authorization/public.decorator.js';
import { Organisation } from '../organisations/models/organisation.model.js';
import { toOrganisation } from '../organisations/organisations.repository.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { OverlapAlertLevelEnum } from './models/overlap-alert-level.enum.js';
import { OverlapAlertsService } from './overlap-alerts.service.js';

type WithLevel = Organisation & { overlapAlertLevel?: OverlapAlertLevel };

/** Which overlaps notify an organisation: its admins decide, its members read it. */
@Resolver(() => Organisation)
export class OverlapAlertLevelResolver {
  constructor(
    private readonly service: OverlapAlertsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @StepUp()
  @Mutation(() => Organisation, {
    description:
      "Sets the weakest overlap strength that notifies the caller's organisation (weaker overlaps are still listed on the case). Admins only; audited.",
  })
  async setOverlapAlertLevel(
    @CurrentActor() actor: Actor,
    @Args('level', { type: () => OverlapAlertLevelEnum }) level: OverlapAlertLevel,
  ): Promise<Organisation> {
    const id = await this.service.setLevel(actor, level);
    const org: WithLevel = toOrganisation(
      await this.organisations.get(actor, id),
      actor.organisationId,
    );
    org.overlapAlertLevel = level;
    return org;
  }

  @Authenticated()
  @ResolveField('overlapAlertLevel', () => OverlapAlertLevelEnum, {
    nullable: true,
    description:
      'The weakest overlap strength that notifies it; shown to its own members only (null for others).',
  })
  async overlapAlertLevel(
    @CurrentActor() actor: Actor,
    @Parent() org: WithLevel,
  ): Promise<OverlapAlertLevel | null> {
    if (org.id !== actor.organisationId) return null;
    return org.overlapAlertLevel ?? this.service.level(actor, org.id);
  }
}
