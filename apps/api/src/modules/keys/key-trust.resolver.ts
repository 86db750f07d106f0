import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, StepUp } from '../../common/authorization/public.decorator.js';
import { fromB64 } from '../../common/graphql/validators.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';
import { CertifyKeyInput } from './dto/certify-key.input.js';
import { toKeyCertificate, toKeyHolder } from './key-certificates.repository.js';
import { KeyCertificatesService } from './key-certificates.service.js';
import { KeyCertificate, KeyDirectory } from './models/key-directory.model.js';

/** Verified keys: the directory clients check certificate chains against, and the certificates people issue. */
@Resolver(() => KeyDirectory)
export class KeyTrustResolver {
  constructor(private readonly certificates: KeyCertificatesService) {}

  @Authenticated()
  @Query(() => KeyDirectory, {
    description:
      "Eligible key holders of the group with their public keys, and the certificates about them. Clients verify; the hub's word is not trust.",
  })
  async keyDirectory(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
  ): Promise<KeyDirectory> {
    const { holders, certificates } = await this.certificates.directory(actor, workingGroupId);
    return {
      holders: holders.map(toKeyHolder),
      certificates: certificates.map(toKeyCertificate),
    };
  }

  @StepUp()
  @Mutation(() => KeyCertificate, {
    description:
      "Vouch for a user's current keys after comparing the safety number out of band (the body is signed by the caller).",
  })
  async certifyKey(
    @CurrentActor() actor: Actor,
    @Args('input') input: CertifyKeyInput,
  ): Promise<KeyCertificate> {
    return toKeyCertificate(
      await this.certificates.certify(actor, {
        kind: input.kind,
        workingGroupId: input.workingGroupId ?? null,
        subjectUserId: input.subjectUserId,
        body: fromB64(input.body),
        signature: fromB64(input.signature),
      }),
    );
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description:
      "Refuse the caller's copy of an epoch's key (it did not match the epoch commitment): the hub deletes it and alerts the coordinators.",
  })
  rejectGroupKeyGrant(
    @CurrentActor() actor: Actor,
    @UuidArg('workingGroupId') workingGroupId: string,
    @Args('epoch', { type: () => Int }) epoch: number,
  ): Promise<boolean> {
    return this.certificates.rejectGrant(actor, workingGroupId, epoch);
  }
}
