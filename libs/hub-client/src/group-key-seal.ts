import { sealGroupKey, type KeyBundle } from '@parallax/identity';
import { toBase64 } from './base64.js';
import type { KeyOwner } from './key-owner.js';

/**
 * Seals K_group (HPKE Auth mode, from the caller) to each recipient's
 * X25519 key, bound to the group, epoch, recipient and sender: the grants
 * both a new epoch and a fulfilment send.
 */
export async function sealTo(
  groupKey: Uint8Array,
  workingGroupId: string,
  epoch: number,
  me: KeyOwner,
  recipients: readonly KeyBundle[],
): Promise<Array<{ userId: string; sealedKey: string }>> {
  return Promise.all(
    recipients.map(async (r) => ({
      userId: r.userId,
      sealedKey: toBase64(
        await sealGroupKey(
          groupKey,
          r.encryptionPublicKey,
          { workingGroupId, epoch, recipientUserId: r.userId, senderUserId: me.userId },
          me.privateKey,
        ),
      ),
    })),
  );
}
