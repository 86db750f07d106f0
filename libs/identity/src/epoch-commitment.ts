import { ed25519 } from '@noble/curves/ed25519.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { encodeBase64, equalBytes } from './base64.js';

/**
 * The coordinator's signed statement of which K_group an epoch has.
 *
 *   tag       = HMAC-SHA256(K_group, "parallax/v1/epoch-commitment\n" + wg + "\n" + epoch + "\n"
 *                                     + coordinatorUserId + "\n" + b64(coordinatorSigningPublicKey))
 *   signature = Ed25519(coordinator, "parallax/v1/epoch\n" + wg + "\n" + epoch + "\n" + b64(tag))
 *
 * Only a holder of K_group can compute the tag, and only the coordinator can
 * sign it: so a hub-made "coordinator" cannot sign a commitment to the real
 * key, and a newcomer can tell a wrong K' (sealed by a front-running member)
 * from the coordinator's K_group. The tag reveals nothing of the key.
 */
export interface EpochCommitmentContext {
  workingGroupId: string;
  epoch: number;
  coordinatorUserId: string;
}

export interface EpochCommitment {
  tag: Uint8Array;
  signature: Uint8Array;
}

function tagOf(
  groupKey: Uint8Array,
  ctx: EpochCommitmentContext,
  coordinatorSigningPublicKey: Uint8Array,
): Uint8Array {
  const message =
    `parallax/v1/epoch-commitment\n${ctx.workingGroupId}\n${ctx.epoch}\n` +
    `${ctx.coordinatorUserId}\n${encodeBase64(coordinatorSigningPublicKey)}`;
  return hmac(sha256, groupKey, utf8ToBytes(message));
}

function signedMessage(ctx: EpochCommitmentContext, tag: Uint8Array): Uint8Array {
  return utf8ToBytes(
    `parallax/v1/epoch\n${ctx.workingGroupId}\n${ctx.epoch}\n${encodeBase64(tag)}`,
  );
}

function checkContext(ctx: EpochCommitmentContext): void {
  if (!Number.isSafeInteger(ctx.epoch) || ctx.epoch < 1)
    throw new Error('An epoch is a positive integer');
  if (ctx.workingGroupId.includes('\n') || ctx.coordinatorUserId.includes('\n'))
    throw new Error('Ids have no line breaks');
}

export function makeEpochCommitment(
  groupKey: Uint8Array,
  ctx: EpochCommitmentContext & { coordinatorSigningPublicKey: Uint8Array },
  coordinatorSigningPrivateKey: Uint8Array,
): EpochCommitment {
  checkContext(ctx);
  if (groupKey.length !== 32) throw new Error('A group key is 32 bytes');
  if (
    !equalBytes(ed25519.getPublicKey(coordinatorSigningPrivateKey), ctx.coordinatorSigningPublicKey)
  )
    throw new Error('The signing key does not match the coordinator public key');
  const tag = tagOf(groupKey, ctx, ctx.coordinatorSigningPublicKey);
  return { tag, signature: ed25519.sign(signedMessage(ctx, tag), coordinatorSigningPrivateKey) };
}

/**
 * True when `groupKey` is the key the coordinator holding
 * `coordinatorSigningPublicKey` committed to for this group and epoch.
 */
export function verifyEpochCommitment(
  groupKey: Uint8Array,
  ctx: EpochCommitmentContext,
  commitment: EpochCommitment,
  coordinatorSigningPublicKey: Uint8Array,
): boolean {
  try {
    checkContext(ctx);
    if (
      groupKey.length !== 32 ||
      commitment.tag.length !== 32 ||
      commitment.signature.length !== 64
    )
      return false;
    if (coordinatorSigningPublicKey.length !== 32) return false;
    if (!equalBytes(tagOf(groupKey, ctx, coordinatorSigningPublicKey), commitment.tag))
      return false;
    return ed25519.verify(
      commitment.signature,
      signedMessage(ctx, commitment.tag),
      coordinatorSigningPublicKey,
      {
        zip215: false, // strict RFC 8032: one valid encoding per signature
      },
    );
  } catch {
    return false;
  }
}
