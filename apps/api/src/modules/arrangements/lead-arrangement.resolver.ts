import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { ArrangementsService } from './arrangements.service.js';
import { ArrangementEvent } from './models/arrangement-event.model.js';
import { LeadArrangement } from './models/lead-arrangement.model.js';

/** The history is read only when asked for (lists of clusters show the status alone). */
@Resolver(() => LeadArrangement)
export class LeadArrangementResolver {
  constructor(private readonly service: ArrangementsService) {}

  @Authenticated()
  @ResolveField('history', () => [ArrangementEvent], { description: 'Every step, oldest first.' })
  history(
    @CurrentActor() actor: Actor,
    @Parent() arrangement: LeadArrangement,
  ): Promise<ArrangementEvent[]> {
    return this.service.history(actor, arrangement.clusterId);
  }
}
