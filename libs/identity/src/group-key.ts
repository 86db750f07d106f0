import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Distribution of a working group's key K_group (docs/DESIGN.md): 32 random bytes
 * made in a coordinator's browser, sealed with HPKE (RFC 9180, base mode,
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) to each authorised
 * member's X25519 public key. The hub stores only these sealed copies.
 *
 * The HPKE `info` binds a sealed copy to its group, key epoch and recipient,
 * so the hub cannot hand one user's copy to another, or replay an old epoch's
 * key as a new one: opening fails.
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
}

function info(ctx: GrantContext): Uint8Array {
  return utf8ToBytes(`parallax/v1/group-key/${ctx.workingGroupId}/${ctx.epoch}/${ctx.recipientUserId}`);
}

const toBuffer = (b: Uint8Array): ArrayBuffer => Uint8Array.from(b).buffer;

/** `enc (32) || ciphertext`: what the hub stores for one member and epoch. */
export async function sealGroupKey(groupKey: Uint8Array, recipientPublicKey: Uint8Array, ctx: GrantContext): Promise<Uint8Array> {
  if (groupKey.length !== GROUP_KEY_LENGTH) throw new Error('A group key is 32 bytes');
  const recipient = await suite.kem.deserializePublicKey(toBuffer(recipientPublicKey));
  const { enc, ct } = await suite.seal({ recipientPublicKey: recipient, info: toBuffer(info(ctx)) }, toBuffer(groupKey));
  return concatBytes(new Uint8Array(enc), new Uint8Array(ct));
}

/** Throws when the copy was not sealed to this key for this group, epoch and user. */
export async function openGroupKey(sealed: Uint8Array, recipientPrivateKey: Uint8Array, ctx: GrantContext): Promise<Uint8Array> {
  if (sealed.length <= ENC_BYTES) throw new Error('Sealed group key too short');
  const recipientKey = await suite.kem.importKey('raw', toBuffer(recipientPrivateKey), false);
  const pt = await suite.open(
    { recipientKey, enc: toBuffer(sealed.subarray(0, ENC_BYTES)), info: toBuffer(info(ctx)) },
    toBuffer(sealed.subarray(ENC_BYTES)),
  );
  return new Uint8Array(pt);
}
