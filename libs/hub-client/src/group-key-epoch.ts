import { generateGroupKey } from '@parallax/fingerprint';
import { makeEpochCommitment, pinOf, type GroupTrust } from '@parallax/identity';
import { toBase64 } from './base64.js';
import { RotateGroupKeyDocument } from './gql/graphql.js';
import { GroupKeyRefused } from './group-key-refused.js';
import { sealTo } from './group-key-seal.js';
import { groupKeyStatus, type PendingHolder } from './group-key-status.js';
import { directoryTrust, fetchKeyDirectory, type KeyDirectory } from './key-directory.js';
import { ownKeyBundle, type KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { PinStore } from './pins.js';
import { HubError, type HubRequest } from './request.js';

function pendingOf(directory: KeyDirectory, trust: GroupTrust, exclude: string): PendingHolder[] {
  return directory.holders
    .filter((h) => h.userId !== exclude && !trust.trusted.has(h.userId))
    .map((h) => ({
      userId: h.userId,
      displayName: h.displayName,
      reason: trust.untrusted.get(h.userId) ?? 'uncertified',
    }));
}

/**
 * Coordinator: makes a new K_group on this machine and starts the next key
 * epoch, with a commitment signed by the caller's signing key, and copies
 * sealed (HPKE Auth mode) to the caller and to every holder this client
 * trusts. The others stay pending, with the reason, until certified.
 */
export async function startKeyEpoch(
  request: HubRequest,
  workingGroupId: string,
  me: KeyOwner,
  options: { pins: PinStore },
): Promise<{
  epoch: number;
  groupKey: Uint8Array;
  sealedFor: string[];
  untrusted: PendingHolder[];
}> {
  const status = await groupKeyStatus(request, workingGroupId);
  const epoch = (status.epoch ?? 0) + 1;
  const directory = await fetchKeyDirectory(request, workingGroupId);
  const listedSelf = directory.holders.find((h) => h.userId === me.userId);
  const self = ownKeyBundle(me, listedSelf?.organisationId ?? null);
  if (!self || !me.signingPrivateKey)
    throw new GroupKeyRefused('no_signing_key', workingGroupId, status.epoch);
  const pins = await options.pins.load(me.userId, workingGroupId);
  // With no pin for the group (its first epoch, or this device's first
  // look), the caller's own real keys are the first root.
  const firstUse = Object.keys(pins).length === 0;
  const trust = directoryTrust(directory, {
    viewerUserId: me.userId,
    workingGroupId,
    pins,
    commitmentSigner: firstUse ? self : undefined,
  });
  if (trust.changedCoordinators.length > 0)
    throw new GroupKeyRefused(
      'coordinator_key_changed',
      workingGroupId,
      status.epoch,
      false,
      trust.changedCoordinators,
    );
  if (!trust.roots.has(me.userId)) {
    throw new GroupKeyRefused(
      firstUse ? 'own_keys_mismatch' : 'signer_untrusted',
      workingGroupId,
      status.epoch,
      false,
      [me.userId],
    );
  }

  const groupKey = generateGroupKey();
  const commitment = makeEpochCommitment(
    groupKey,
    {
      workingGroupId,
      epoch,
      coordinatorUserId: me.userId,
      coordinatorSigningPublicKey: self.signingPublicKey,
    },
    me.signingPrivateKey,
  );
  const others = [...trust.trusted.values()].filter((b) => b.userId !== me.userId);
  const grants = await sealTo(groupKey, workingGroupId, epoch, me, [self, ...others]);
  const created = (
    await send(request, RotateGroupKeyDocument, {
      wg: workingGroupId,
      grants,
      commitment: { tag: toBase64(commitment.tag), signature: toBase64(commitment.signature) },
    })
  ).rotateGroupKey;
  if (created !== epoch) {
    groupKey.fill(0);
    throw new HubError(
      'CONFLICT',
      'Another coordinator started a key epoch at the same time; reload',
    );
  }
  // On first use the root is the caller's own key: known, so verified.
  if (firstUse)
    await options.pins.save(me.userId, workingGroupId, { [me.userId]: pinOf(self, true) });
  return {
    epoch,
    groupKey,
    sealedFor: grants.map((g) => g.userId),
    untrusted: pendingOf(directory, trust, me.userId),
  };
}
