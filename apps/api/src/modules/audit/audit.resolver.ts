import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditException } from './audit.exception.js';
import { AuditLogArgs, AuditScopeArgs } from './dto/audit-log.args.js';
import { AuditCheckpointView, AuditLogPage } from './models/audit-entry.model.js';

@Resolver(() => AuditLogPage)
export class AuditResolver {
  constructor(
    private readonly log: AuditLogService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  @Authenticated()
  @Query(() => AuditCheckpointView, {
    description:
      "The hub's latest signed checkpoint of the audit chain, its public key, and the current hash of entry `knownSeq` (the one of the checkpoint the client kept). Hashes only: any member may check that history was not rewritten.",
  })
  async auditCheckpoint(
    @CurrentActor() actor: Actor,
    @Args('knownSeq', { type: () => String, nullable: true }) knownSeq?: string | null,
  ): Promise<AuditCheckpointView> {
    if (knownSeq !== undefined && knownSeq !== null && !/^[1-9]\d{0,17}$/.test(knownSeq)) {
      throw new AuditException(ErrorCode.BadUserInput, 'knownSeq must be an entry number', { field: 'knownSeq' });
    }
    return this.checkpoints.view(actor, knownSeq ?? null);
  }

  @Authenticated()
  @Query(() => AuditLogPage, {
    description: 'Entries the caller may see, newest first, narrowed by scope, actions and time, and the chain verification.',
  })
  async auditLog(@CurrentActor() actor: Actor, @Args() args: AuditLogArgs): Promise<AuditLogPage> {
    if (args.since && args.until && args.since.getTime() > args.until.getTime()) {
      throw new AuditException(ErrorCode.InvalidDateRange, '`since` must not be after `until`', { field: 'since' });
    }
    const page = await this.log.page(actor, {
      organisationId: args.organisationId ?? undefined,
      workingGroupId: args.workingGroupId ?? undefined,
      actions: args.actions ?? undefined,
      from: args.since ?? undefined,
      to: args.until ?? undefined,
      beforeSeq: args.beforeSeq ?? undefined,
      limit: args.limit,
      exporting: args.export,
    });
    return { ...page, verification: await this.log.verification() };
  }

  @Authenticated()
  @Query(() => [String], {
    description: 'The actions of the entries the caller may see in the scope (for filtering), in alphabetical order.',
  })
  auditActions(@CurrentActor() actor: Actor, @Args() scope: AuditScopeArgs): Promise<string[]> {
    return this.log.actions(actor, {
      organisationId: scope.organisationId ?? undefined,
      workingGroupId: scope.workingGroupId ?? undefined,
    });
  }
}
