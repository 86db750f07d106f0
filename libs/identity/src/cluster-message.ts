import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import {
  ClusterMessageFormatError,
  canonicalJson,
  checkBody,
  checkMessageId,
  checkPayload,
  type ClusterMessageAudience,
  type ClusterMessageBody,
  type ClusterMessagePayload,
} from './cluster-message-payload.js';
import type { KeyBundle } from './key-bundle.js';

/**
 * A cluster's end-to-end encrypted conversation (issue 11). The sender's
 * device signs the payload (cluster-message-payload.ts) with its certified
 * Ed25519 key and seals `{ payload, signature }`, padded, once per
 * recipient with HPKE in Auth mode — the suite of group-key.ts — from its
 * own static X25519 key. The HPKE info binds a copy to its cluster,
 * message, recipient and sender, so the hub can neither hand one user's
 * copy to another nor replay it in another cluster or under another id;
 * the signature (inside the ciphertext, so the hub never sees it) tells
 * every recipient the same sender wrote the same words to the same list.
 *
 * A recipient opens a copy only with keys whose certificate chain it
 * checked itself (hub-client key-directory `directoryTrust`).
 */
const suite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

const ENC_BYTES = 32;
const TAG_BYTES = 16;
const BUCKET = 256;
const MIN_PADDED = 512;
/** What the hub accepts for one copy. */
export const MAX_SEALED_MESSAGE_BYTES = 65_536;
const SIGNATURE_CONTEXT = 'parallax/v1/cluster-message\n';

export type { ClusterMessageAudience, ClusterMessageBody, ClusterMessagePayload };

/** Why a copy could not be read: it does not open with the keys expected, or it opens but does not check out. */
export class ClusterMessageError extends Error {
  constructor(
    readonly problem: 'undecryptable' | 'unverified',
    message: string,
  ) {
    super(message);
    this.name = 'ClusterMessageError';
  }
}

export interface SealClusterMessageInput {
  clusterId: string;
  messageId: string;
  sender: { userId: string; encryptionPrivateKey: Uint8Array; signingPrivateKey: Uint8Array };
  /** Everyone to seal to (the sender too, to read its own history): keys the caller verified. */
  recipients: readonly KeyBundle[];
  audience: ClusterMessageAudience;
  body: ClusterMessageBody;
  sentAt: Date;
}

export interface OpenClusterMessageContext {
  clusterId: string;
  messageId: string;
  recipientUserId: string;
  recipientPrivateKey: Uint8Array;
  /** The sender's keys, from a certificate chain the recipient checked. */
  sender: KeyBundle;
}

interface CopyContext {
  clusterId: string;
  messageId: string;
  recipientUserId: string;
  senderUserId: string;
}

function info(ctx: CopyContext): ArrayBuffer {
  return toBuffer(
    utf8ToBytes(
      `parallax/v1/cluster-message/${ctx.clusterId}/${ctx.messageId}/${ctx.recipientUserId}/${ctx.senderUserId}`,
    ),
  );
}

const toBuffer = (b: Uint8Array): ArrayBuffer => Uint8Array.from(b).buffer;

const signedBytes = (payload: ClusterMessagePayload): Uint8Array =>
  utf8ToBytes(SIGNATURE_CONTEXT + canonicalJson(payload));

/** The padded size of `n` bytes: a multiple of 256, at least 512, so a copy's size says little about its text. */
export function paddedLength(n: number): number {
  return Math.max(MIN_PADDED, Math.ceil(n / BUCKET) * BUCKET);
}

/** Signs and seals one message for each recipient; the copies are what the hub stores. */
export async function sealClusterMessage(
  input: SealClusterMessageInput,
): Promise<Array<{ userId: string; sealed: Uint8Array }>> {
  const recipientIds = input.recipients.map((r) => checkMessageId(r.userId, 'recipient'));
  const sorted = [...new Set(recipientIds)].sort();
  if (sorted.length !== recipientIds.length)
    throw new ClusterMessageFormatError('A recipient is listed twice');
  if (Number.isNaN(input.sentAt.getTime()))
    throw new ClusterMessageFormatError('sentAt is not a time');
  const payload = checkPayload({
    v: 1,
    clusterId: input.clusterId,
    messageId: input.messageId,
    senderUserId: input.sender.userId,
    recipients: sorted,
    audience: input.audience,
    sentAt: input.sentAt.toISOString(),
    body: checkBody(input.body),
  });
  const signature = ed25519.sign(signedBytes(payload), input.sender.signingPrivateKey);
  const json = utf8ToBytes(JSON.stringify({ payload, signature: encodeBase64(signature) }));
  // Trailing spaces are JSON whitespace: the padding needs no length field.
  const plaintext = new Uint8Array(paddedLength(json.length)).fill(0x20);
  plaintext.set(json);
  if (plaintext.length + ENC_BYTES + TAG_BYTES > MAX_SEALED_MESSAGE_BYTES)
    throw new ClusterMessageFormatError('The message is too large for its recipients list');
  const senderKey: CryptoKeyPair = {
    privateKey: await suite.kem.importKey(
      'raw',
      toBuffer(input.sender.encryptionPrivateKey),
      false,
    ),
    publicKey: await suite.kem.deserializePublicKey(
      toBuffer(x25519.getPublicKey(input.sender.encryptionPrivateKey)),
    ),
  };
  const copies: Array<{ userId: string; sealed: Uint8Array }> = [];
  for (const r of input.recipients) {
    const { enc, ct } = await suite.seal(
      {
        recipientPublicKey: await suite.kem.deserializePublicKey(toBuffer(r.encryptionPublicKey)),
        senderKey,
        info: info({ ...input, recipientUserId: r.userId, senderUserId: input.sender.userId }),
      },
      toBuffer(plaintext),
    );
    copies.push({ userId: r.userId, sealed: concatBytes(new Uint8Array(enc), new Uint8Array(ct)) });
  }
  return copies;
}

async function decrypt(sealed: Uint8Array, ctx: OpenClusterMessageContext): Promise<Uint8Array> {
  if (sealed.length <= ENC_BYTES + TAG_BYTES || sealed.length > MAX_SEALED_MESSAGE_BYTES)
    throw new ClusterMessageError('undecryptable', 'A sealed message has an impossible size');
  try {
    const pt = await suite.open(
      {
        recipientKey: await suite.kem.importKey('raw', toBuffer(ctx.recipientPrivateKey), false),
        senderPublicKey: await suite.kem.deserializePublicKey(
          toBuffer(ctx.sender.encryptionPublicKey),
        ),
        enc: toBuffer(sealed.subarray(0, ENC_BYTES)),
        info: info({ ...ctx, senderUserId: ctx.sender.userId }),
      },
      toBuffer(sealed.subarray(ENC_BYTES)),
    );
    return new Uint8Array(pt);
  } catch {
    throw new ClusterMessageError(
      'undecryptable',
      'The copy does not open with these keys for this cluster, message, recipient and sender',
    );
  }
}

function parse(plaintext: Uint8Array): { payload: ClusterMessagePayload; signature: Uint8Array } {
  if (plaintext.length !== paddedLength(plaintext.length))
    throw new Error('Not padded to a bucket');
  const outer = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as unknown;
  if (typeof outer !== 'object' || outer === null || Array.isArray(outer))
    throw new Error('Not an object');
  const { payload, signature, ...rest } = outer as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof signature !== 'string')
    throw new Error('Unexpected fields');
  const sig = decodeBase64(signature);
  if (sig.length !== 64) throw new Error('A signature is 64 bytes');
  return { payload: checkPayload(payload), signature: sig };
}

/**
 * Opens and checks one copy: sealed to this recipient's key by the holder
 * of `sender`'s X25519 key, for this cluster and message id; signed by
 * `sender`'s Ed25519 key; about this cluster, message and sender; listing
 * the recipient. Throws ClusterMessageError otherwise.
 */
export async function openClusterMessage(
  sealed: Uint8Array,
  ctx: OpenClusterMessageContext,
): Promise<{ payload: ClusterMessagePayload }> {
  const plaintext = await decrypt(sealed, ctx);
  let opened: { payload: ClusterMessagePayload; signature: Uint8Array };
  try {
    opened = parse(plaintext);
  } catch (e) {
    throw new ClusterMessageError(
      'unverified',
      `The message is malformed: ${(e as Error).message}`,
    );
  }
  const { payload, signature } = opened;
  const unverified = (why: string): never => {
    throw new ClusterMessageError('unverified', why);
  };
  if (payload.clusterId !== ctx.clusterId || payload.messageId !== ctx.messageId)
    unverified('The message belongs to another cluster or id');
  if (payload.senderUserId !== ctx.sender.userId) unverified('The message names another sender');
  if (!payload.recipients.includes(ctx.recipientUserId))
    unverified('The message was not addressed to this user');
  let valid = false;
  try {
    valid = ed25519.verify(signature, signedBytes(payload), ctx.sender.signingPublicKey, {
      zip215: false,
    });
  } catch {
    valid = false;
  }
  if (!valid) unverified("The signature is not the sender's");
  return { payload };
}
