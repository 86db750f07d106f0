import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, OpenToDonors } from '../../common/authorization/public.decorator.js';
import { Notification } from './models/notification.model.js';
import { NotificationsException } from './notifications.exception.js';
import { NotificationsService } from './notifications.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Authenticated()
  @OpenToDonors()
  @Query(() => [Notification], {
    description: "The caller's and their organisation's alerts, newest first (poll it).",
  })
  async notifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<Notification[]> {
    if (limit < 1 || limit > 200)
      throw new NotificationsException(ErrorCode.BadUserInput, 'limit must be between 1 and 200');
    return this.service.list(actor, unreadOnly, limit);
  }

  @Authenticated()
  @OpenToDonors()
  @Mutation(() => Int)
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [String] }) ids: string[],
  ): Promise<number> {
    if (ids.length > 500 || !ids.every((id) => UUID.test(id))) {
      throw new NotificationsException(
        ErrorCode.BadUserInput,
        'ids must be at most 500 notification ids',
      );
    }
    return this.service.markRead(actor, ids);
  }
}
