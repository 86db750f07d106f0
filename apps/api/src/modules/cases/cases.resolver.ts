import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { ErrorCode, MAX_CASES_PER_CALL } from '@parallax/domain';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { ListArg } from '../../common/graphql/list-arg.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';
import { CaseListService } from './case-list.service.js';
import { CaseReimportService } from './case-reimport.service.js';
import { CasesException } from './cases.exception.js';
import { toTrackingCase } from './cases.repository.js';
import { CasesService } from './cases.service.js';
import { CaseInput, CaseUpdateInput } from './dto/case.input.js';
import { CaseListArgs } from './dto/case-list.args.js';
import { CasePage, CaseRegistration, EarlierGroupKeyGrant, TrackingCase } from './models/case.model.js';

@Resolver(() => TrackingCase)
export class CasesResolver {
  constructor(
    private readonly service: CasesService,
    private readonly caseList: CaseListService,
    private readonly reimport: CaseReimportService,
  ) {}

  @Authenticated()
  @Query(() => CasePage, {
    description: "The caller's organisation's cases, newest first, a page at a time, with the exact total of the filtered list.",
  })
  async cases(@CurrentActor() actor: Actor, @Args() args: CaseListArgs): Promise<CasePage> {
    return this.caseList.list(actor, args);
  }

  @Authenticated()
  @Query(() => TrackingCase)
  async case(@CurrentActor() actor: Actor, @UuidArg('id') id: string): Promise<TrackingCase> {
    return toTrackingCase(await this.service.get(actor, id));
  }

  @Authenticated()
  @Query(() => [EarlierGroupKeyGrant], {
    description:
      "The caller's sealed copies of the group's earlier (retired) keys, newest first: an import run after a rotation derives each record's earlier idempotency key with them (CaseInput.supersedes).",
  })
  async earlierGroupKeyGrants(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
  ): Promise<EarlierGroupKeyGrant[]> {
    return this.reimport.earlierGroupKeyGrants(actor, workingGroupId);
  }

  @Authenticated()
  @Mutation(() => [CaseRegistration], {
    description: `Registers up to ${MAX_CASES_PER_CALL} cases; each commits on its own, idempotently.`,
  })
  async registerCases(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @ListArg('cases', CaseInput) cases: CaseInput[],
  ): Promise<CaseRegistration[]> {
    if (cases.length === 0 || cases.length > MAX_CASES_PER_CALL) {
      throw new CasesException(
        ErrorCode.BadUserInput,
        `Send between 1 and ${MAX_CASES_PER_CALL} cases per call`,
      );
    }
    return this.service.register(actor, workingGroupId, cases);
  }

  @Authenticated()
  @Mutation(() => TrackingCase)
  async updateCase(
    @CurrentActor() actor: Actor,
    @UuidArg('caseId') caseId: string,
    @Args('input') input: CaseUpdateInput,
  ): Promise<TrackingCase> {
    return toTrackingCase(await this.service.update(actor, caseId, input));
  }

  @Authenticated()
  @Mutation(() => TrackingCase, {
    description: 'Deletes the fingerprints and retracts the overlaps; the audit trail stays.',
  })
  async withdrawCase(
    @CurrentActor() actor: Actor,
    @UuidArg('caseId') caseId: string,
  ): Promise<TrackingCase> {
    return toTrackingCase(await this.service.withdraw(actor, caseId));
  }
}
