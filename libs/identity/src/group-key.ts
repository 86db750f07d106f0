import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { x25519 } from '@noble/curves/ed25519.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Distribution of a working group's key K_group (docs/DESIGN.md): 32 random
 * bytes made on a coordinator's device, sealed with HPKE (RFC 9180) in
 * **Auth mode** — DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM —
 * to each trusted member's X25519 public key, with the sealer's own static
 * X25519 key as sender. The hub stores only these sealed copies.
 *
 * Auth mode means a copy opens only with the sender's public key the
 * recipient expects, so the recipient knows which user sealed it (the hub
 * cannot seal a key of its own and pass it off as a member's). The HPKE
 * `info` binds a copy to its group, key epoch, recipient and sender, so the
 * hub cannot hand one user's copy to another, or replay an old epoch's key
 * as a new one. Whether the key is the coordinator's K_group at all is
 * settled by the epoch commitment (epoch-commitment.ts).
 */
const suite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

const ENC_BYTES = 32;
/** K_group's size; the key itself is made by `generateGroupKey` in @parallax/fingerprint. */
const GROUP_KEY_LENGTH = 32;

export interface GrantContext {
  workingGroupId: string;
  epoch: number;
  recipientUserId: string;
  /** The user whose static X25519 key seals the copy. */
  senderUserId: string;
}

function info(ctx: GrantContext): Uint8Array {
  return utf8ToBytes(
    `parallax/v2/group-key/${ctx.workingGroupId}/${ctx.epoch}/${ctx.recipientUserId}/${ctx.senderUserId}`,
  );
}

const toBuffer = (b: Uint8Array): ArrayBuffer => Uint8Array.from(b).buffer;

async function keyPairOf(privateKey: Uint8Array): Promise<CryptoKeyPair> {
  return {
    privateKey: await suite.kem.importKey('raw', toBuffer(privateKey), false),
    publicKey: await suite.kem.deserializePublicKey(toBuffer(x25519.getPublicKey(privateKey))),
  };
}

/** `enc (32) || ciphertext`: what the hub stores for one member and epoch. */
export async function sealGroupKey(
  groupKey: Uint8Array,
  recipientPublicKey: Uint8Array,
  ctx: GrantContext,
  senderPrivateKey: Uint8Array,
): Promise<Uint8Array> {
  if (groupKey.length !== GROUP_KEY_LENGTH) throw new Error('A group key is 32 bytes');
  const recipient = await suite.kem.deserializePublicKey(toBuffer(recipientPublicKey));
  const { enc, ct } = await suite.seal(
    {
      recipientPublicKey: recipient,
      senderKey: await keyPairOf(senderPrivateKey),
      info: toBuffer(info(ctx)),
    },
    toBuffer(groupKey),
  );
  return concatBytes(new Uint8Array(enc), new Uint8Array(ct));
}

/**
 * Throws when the copy was not sealed to this key, by the holder of
 * `senderPublicKey`, for this group, epoch, recipient and sender.
 */
export async function openGroupKey(
  sealed: Uint8Array,
  recipientPrivateKey: Uint8Array,
  ctx: GrantContext,
  senderPublicKey: Uint8Array,
): Promise<Uint8Array> {
  if (sealed.length <= ENC_BYTES) throw new Error('Sealed group key too short');
  const recipientKey = await suite.kem.importKey('raw', toBuffer(recipientPrivateKey), false);
  const pt = await suite.open(
    {
      recipientKey,
      senderPublicKey: await suite.kem.deserializePublicKey(toBuffer(senderPublicKey)),
      enc: toBuffer(sealed.subarray(0, ENC_BYTES)),
      info: toBuffer(info(ctx)),
    },
    toBuffer(sealed.subarray(ENC_BYTES)),
  );
  const key = new Uint8Array(pt);
  if (key.length !== GROUP_KEY_LENGTH) throw new Error('A group key is 32 bytes');
  return key;
}
