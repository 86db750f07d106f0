import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, OpenToDonors } from '../../common/authorization/public.decorator.js';
import {
  ComputeMetricsReleaseArgs,
  DecideMetricsReleaseArgs,
  PrivacyBudgetArgs,
  PublishedMetricsArgs,
} from './dto/metrics.args.js';
import { MetricsComputeService } from './metrics-compute.service.js';
import { MetricsService } from './metrics.service.js';
import { MetricsGrid } from './models/metrics-grid.model.js';
import { MetricsRelease, WorkingGroupMetrics } from './models/metrics-release.model.js';
import { PrivacyBudget } from './models/privacy-budget.model.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';

@Resolver(() => MetricsRelease)
export class MetricsResolver {
  constructor(
    private readonly service: MetricsService,
    private readonly computing: MetricsComputeService,
  ) {}

  @Authenticated()
  @OpenToDonors()
  @Query(() => MetricsGrid, {
    description:
      "The public grid of donor metrics and the hub's protection parameters (no tenant data).",
  })
  metricsGrid(): MetricsGrid {
    return this.service.grid();
  }

  @Authenticated()
  @OpenToDonors()
  @Query(() => [MetricsRelease], {
    description:
      "A working group's releases, newest month first: all of them for its coordinators, the published ones for its donors.",
  })
  metricsReleases(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
  ): Promise<MetricsRelease[]> {
    return this.service.releases(actor, workingGroupId);
  }

  @Authenticated()
  @OpenToDonors()
  @Query(() => [WorkingGroupMetrics], {
    description:
      'Published releases of the groups the caller funds or coordinates, month ascending (default: the last 24 months).',
  })
  publishedMetrics(
    @CurrentActor() actor: Actor,
    @Args() args: PublishedMetricsArgs,
  ): Promise<WorkingGroupMetrics[]> {
    return this.service.published(actor, args.from, args.to);
  }

  @Authenticated()
  @Query(() => PrivacyBudget, {
    description:
      "A working group's privacy-budget ledger for a calendar year (its coordinators only).",
  })
  privacyBudget(
    @CurrentActor() actor: Actor,
    @Args() args: PrivacyBudgetArgs,
  ): Promise<PrivacyBudget> {
    return this.service.budget(actor, args.workingGroupId, args.year);
  }

  @Authenticated()
  @Mutation(() => MetricsRelease, {
    description:
      'Compute a draft release for a complete past month; charges ε to the group’s yearly budget (refused over the cap).',
  })
  computeMetricsRelease(
    @CurrentActor() actor: Actor,
    @Args() args: ComputeMetricsReleaseArgs,
  ): Promise<MetricsRelease> {
    return this.computing.compute(actor, args.workingGroupId, args.period);
  }

  @Authenticated()
  @Mutation(() => MetricsRelease, {
    description: 'Publish a draft to the group’s donors (compare-and-set on expectedVersion).',
  })
  publishMetricsRelease(
    @CurrentActor() actor: Actor,
    @Args() args: DecideMetricsReleaseArgs,
  ): Promise<MetricsRelease> {
    return this.service.publish(actor, args.releaseId, args.expectedVersion);
  }

  @Authenticated()
  @Mutation(() => MetricsRelease, {
    description:
      'Withhold a draft: never shown to donors; its ε stays spent (compare-and-set on expectedVersion).',
  })
  withholdMetricsRelease(
    @CurrentActor() actor: Actor,
    @Args() args: DecideMetricsReleaseArgs,
  ): Promise<MetricsRelease> {
    return this.service.withhold(actor, args.releaseId, args.expectedVersion);
  }
}
