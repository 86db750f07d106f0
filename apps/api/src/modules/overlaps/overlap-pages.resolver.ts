import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import type { Page } from '../../common/pagination/page.model.js';
import { OverlapListArgs } from './dto/overlap-list.args.js';
import type { Overlap } from './models/overlap.model.js';
import { OverlapGroupPage, OverlapPage, type OverlapGroup } from './models/overlap-page.model.js';
import { OverlapPagesService } from './overlap-pages.service.js';

/** Reading overlaps: the caller's organisation's only (its own side, under row-level security). */
@Resolver()
export class OverlapPagesResolver {
  constructor(private readonly service: OverlapPagesService) {}

  @Authenticated()
  @Query(() => OverlapPage, {
    description:
      "Overlaps of the caller's organisation's cases with other organisations' cases, newest first, with the exact total.",
  })
  overlaps(@CurrentActor() actor: Actor, @Args() args: OverlapListArgs): Promise<Page<Overlap>> {
    const { first, after, ...filter } = args;
    return this.service.list(actor, filter, { first, after });
  }

  @Authenticated()
  @Query(() => OverlapGroupPage, {
    description:
      'The same overlaps grouped by my case (newest overlap first), with counts and the cluster each case belongs to.',
  })
  overlapGroups(
    @CurrentActor() actor: Actor,
    @Args() args: OverlapListArgs,
  ): Promise<Page<OverlapGroup>> {
    const { first, after, ...filter } = args;
    return this.service.groups(actor, filter, { first, after });
  }
}
