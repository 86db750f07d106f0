import {
  sealClusterMessage,
  type ClusterMessageAudience,
  type ClusterMessageBody,
  type GroupPins,
  type KeyBundle,
  type NoteAbout,
} from '@parallax/identity';
import { toBase64 } from './base64.js';
import {
  ClusterRecipientsDocument,
  SendClusterMessageDocument,
  type SealedMessageInput,
  type SendClusterMessageMutation,
} from './gql/graphql.js';
import { directoryTrust, fetchKeyDirectory } from './key-directory.js';
import { ownKeyBundle, type KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/**
 * A cluster's end-to-end encrypted conversation, on the user's device.
 *
 * The hub says who should get a copy (`clusterRecipients`); the device seals
 * only to those whose certificate chain it verified itself
 * (`directoryTrust` with the user's own coordinator pins), always to the
 * sender too, and reports the others as skipped: a hub that lists a stranger
 * or swaps a key gets nothing readable. Reading checks every copy the same
 * way, and a copy that fails is shown as such, never dropped.
 */
export interface ClusterScope {
  clusterId: string;
  workingGroupId: string;
  /** The user's coordinator pins for the group (PinStore). */
  pins: GroupPins;
}

export type SkipReason = string;

export interface SkippedRecipient {
  userId: string;
  /** Why the device did not seal to them: an UntrustReason, `not_in_directory` or `coordinator_for_parties`. */
  reason: SkipReason;
}

export type SentClusterMessage = SendClusterMessageMutation['sendClusterMessage'];

/** A sealed message as the mutations take it (`SealedMessageInput`): the conversation's and the notes of arrangements and referrals. */
export type SealedClusterMessage = SealedMessageInput;

/** The caller's trust in the group's key directory (its own pins), and its own key bundle. */
export async function trustOf(request: HubRequest, owner: KeyOwner, scope: ClusterScope) {
  const directory = await fetchKeyDirectory(request, scope.workingGroupId);
  const trust = directoryTrust(directory, {
    viewerUserId: owner.userId,
    workingGroupId: scope.workingGroupId,
    pins: scope.pins,
  });
  const organisationId =
    directory.holders.find((h) => h.userId === owner.userId)?.organisationId ?? null;
  const me = ownKeyBundle(owner, organisationId);
  if (!me) throw new Error('Your account has no signing key yet: sign in again to create one');
  return { trust, me };
}

function signerOf(owner: KeyOwner): {
  userId: string;
  encryptionPrivateKey: Uint8Array;
  signingPrivateKey: Uint8Array;
} {
  if (!owner.signingPrivateKey)
    throw new Error('Your account has no signing key yet: sign in again to create one');
  return {
    userId: owner.userId,
    encryptionPrivateKey: owner.privateKey,
    signingPrivateKey: owner.signingPrivateKey,
  };
}

/**
 * Seals `body` for the hub's current recipients that this device trusts
 * (and the sender), under a fresh message id. Nothing is sent.
 */
export async function prepareClusterMessage(
  request: HubRequest,
  owner: KeyOwner,
  scope: ClusterScope & {
    audience: ClusterMessageAudience;
    body: ClusterMessageBody;
    sentAt?: Date;
  },
): Promise<{ input: SealedClusterMessage; skipped: SkippedRecipient[] }> {
  const [{ clusterRecipients }, { trust, me }] = await Promise.all([
    send(request, ClusterRecipientsDocument, {
      clusterId: scope.clusterId,
      audience: scope.audience,
    }),
    trustOf(request, owner, scope),
  ]);
  const recipients: KeyBundle[] = [me];
  const skipped: SkippedRecipient[] = [];
  for (const r of clusterRecipients) {
    const userId = String(r.userId);
    if (userId === owner.userId) continue;
    const trusted = trust.trusted.get(userId);
    // The conversation itself is for the parties: never a coordinator, whatever the hub lists.
    if (scope.audience === 'parties' && (r.isCoordinator || trust.roots.has(userId))) {
      skipped.push({ userId, reason: 'coordinator_for_parties' });
    } else if (!trusted) {
      skipped.push({ userId, reason: trust.untrusted.get(userId) ?? 'not_in_directory' });
    } else {
      recipients.push(trusted);
    }
  }
  const messageId = globalThis.crypto.randomUUID();
  const copies = await sealClusterMessage({
    clusterId: scope.clusterId,
    messageId,
    sender: signerOf(owner),
    recipients,
    audience: scope.audience,
    body: scope.body,
    sentAt: scope.sentAt ?? new Date(),
  });
  return {
    input: {
      messageId,
      audience: scope.audience,
      copies: copies.map((c) => ({ userId: c.userId, sealed: toBase64(c.sealed) })),
    },
    skipped,
  };
}

/** Seals and sends a message of the conversation; says whom it skipped (keys this device could not verify). */
export async function sendClusterMessage(
  request: HubRequest,
  owner: KeyOwner,
  scope: ClusterScope & { audience: ClusterMessageAudience; body: ClusterMessageBody },
): Promise<{ message: SentClusterMessage; skipped: SkippedRecipient[] }> {
  const { input, skipped } = await prepareClusterMessage(request, owner, scope);
  const { sendClusterMessage: message } = await send(request, SendClusterMessageDocument, {
    clusterId: scope.clusterId,
    message: input,
  });
  return { message, skipped };
}

/**
 * A note for the arrangement and referral mutations (their `note` input):
 * sealed to the parties and the group's coordinators this device trusts.
 */
export async function sealNote(
  request: HubRequest,
  owner: KeyOwner,
  scope: ClusterScope & { text: string; about: NoteAbout },
): Promise<SealedClusterMessage> {
  const { input } = await prepareClusterMessage(request, owner, {
    ...scope,
    audience: 'parties_and_coordinators',
    body: { kind: 'note', text: scope.text, about: scope.about },
  });
  return input;
}
