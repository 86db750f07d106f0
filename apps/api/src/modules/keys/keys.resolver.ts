import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, StepUp } from '../../common/authorization/public.decorator.js';
import { fromB64 } from '../../common/graphql/validators.js';
import { ListArg } from '../../common/graphql/list-arg.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';
import { EpochCommitmentInput } from './dto/epoch-commitment.input.js';
import { SealedGrantInput } from './dto/sealed-grant.input.js';
import { toGroupKeyStatus, toOprfEvaluation } from './key-status.mappers.js';
import { KeysService } from './keys.service.js';
import { GroupKeyStatus, OprfEvaluation } from './models/group-key-status.model.js';
import { OprfException } from './oprf.exception.js';
import { OprfService } from './oprf.service.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

@Resolver(() => GroupKeyStatus)
export class KeysResolver {
  constructor(
    private readonly keys: KeysService,
    private readonly oprf: OprfService,
  ) {}

  @Authenticated()
  @Query(() => GroupKeyStatus)
  async groupKeyStatus(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
  ): Promise<GroupKeyStatus> {
    return toGroupKeyStatus(workingGroupId, await this.keys.status(actor, workingGroupId));
  }

  @StepUp()
  @Mutation(() => Int, {
    description:
      'Coordinator: start a key epoch (first or rotation) with sealed copies of a new K_group and a signed commitment to it.',
  })
  rotateGroupKey(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @ListArg('grants', SealedGrantInput) grants: SealedGrantInput[],
    @Args('commitment', { type: () => EpochCommitmentInput }) commitment: EpochCommitmentInput,
  ): Promise<number> {
    return this.keys.rotate(
      actor,
      workingGroupId,
      grants.map((g) => ({ userId: g.userId, sealedKey: fromB64(g.sealedKey) })),
      { tag: fromB64(commitment.tag), signature: fromB64(commitment.signature) },
    );
  }

  @Authenticated()
  @Mutation(() => Int, {
    description:
      'A holder of K_group seals it for users still waiting (done automatically by open clients).',
  })
  fulfilGroupKeyGrants(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @Args('epoch', { type: () => Int }) epoch: number,
    @ListArg('grants', SealedGrantInput) grants: SealedGrantInput[],
  ): Promise<number> {
    return this.keys.fulfil(
      actor,
      workingGroupId,
      epoch,
      grants.map((g) => ({ userId: g.userId, sealedKey: fromB64(g.sealedKey) })),
    );
  }

  @Authenticated()
  @Mutation(() => OprfEvaluation, {
    description: 'Hub side of the OPRF: evaluates blinded elements (budgeted, audited).',
  })
  async evaluateOprf(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @Args('epoch', { type: () => Int }) epoch: number,
    @Args('blindedElements', { type: () => [String] }) blindedElements: string[],
  ): Promise<OprfEvaluation> {
    // Every element is checked before any is evaluated: here its encoding,
    // then its length and group membership in OprfService (on a worker).
    const bad = blindedElements.findIndex((e) => e.length > 64 || !BASE64.test(e));
    if (bad >= 0) {
      throw new OprfException(
        ErrorCode.InvalidBlindedElement,
        `Blinded element ${bad} is not base64; nothing was evaluated`,
        { index: String(bad) },
      );
    }
    const { evaluated, budget } = await this.oprf.evaluate(
      actor,
      workingGroupId,
      epoch,
      blindedElements.map(fromB64),
    );
    return toOprfEvaluation(evaluated, budget);
  }
}
