import { Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';
import { CoordinationService } from './coordination.service.js';
import { CoordinatorPicture } from './models/picture.model.js';

@Resolver(() => CoordinatorPicture)
export class CoordinationResolver {
  constructor(private readonly service: CoordinationService) {}

  @Authenticated()
  @Query(() => CoordinatorPicture, {
    description: 'Coordinators only: clusters, the organisation matrix, ageing.',
  })
  coordinatorPicture(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
  ): Promise<CoordinatorPicture> {
    return this.service.picture(actor, workingGroupId);
  }
}
