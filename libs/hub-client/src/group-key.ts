import { generateGroupKey } from '@parallax/fingerprint';
import {
  makeEpochCommitment,
  openGroupKey,
  pinMatches,
  pinOf,
  sealGroupKey,
  verifyEpochCommitment,
  type GroupPins,
  type GroupTrust,
  type KeyBundle,
  type UntrustReason,
} from '@parallax/identity';
import { fromBase64, toBase64 } from './base64.js';
import {
  FulfilGroupKeyGrantsDocument,
  GroupKeyStatusDocument,
  RejectGroupKeyGrantDocument,
  RotateGroupKeyDocument,
} from './gql/graphql.js';
import {
  directoryTrust,
  fetchKeyDirectory,
  keyBundleOf,
  type KeyDirectory,
} from './key-directory.js';
import { ownKeyBundle, type KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { PinStore } from './pins.js';
import { HubError, type HubRequest } from './request.js';

/**
 * The client side of K_group distribution with verified keys: a client
 * seals K_group only to keys it trusts itself (key-trust in
 * @parallax/identity), and accepts a K_group only when the epoch's
 * commitment, signed by a coordinator it trusts, matches it.
 */

export interface KeyRecipient {
  userId: string;
  displayName: string;
  publicKey: string;
  signingPublicKey: string | null;
  organisationId: string | null;
}

export interface EpochCommitmentView {
  tag: string;
  signature: string;
  coordinatorUserId: string;
}

export interface GroupKeyStatus {
  workingGroupId: string;
  epoch: number | null;
  mySealedKey: string | null;
  mySealedKeySenderId: string | null;
  isCoordinator: boolean;
  epochCommitment: EpochCommitmentView | null;
  pendingRecipients: KeyRecipient[];
}

/** A holder this client will not seal K_group to yet, and why. */
export interface PendingHolder {
  userId: string;
  displayName: string;
  reason: UntrustReason;
}

/**
 * Why this client refused a K_group (or to make one):
 * - `commitment_missing`: the epoch has no signed commitment (made before verified keys): a coordinator must start a new epoch;
 * - `sender_unknown`, `grant_unopenable`: the copy does not open as sealed by the user the hub names;
 * - `commitment_mismatch`: the key is not the one the coordinator committed to (a wrong K', e.g. from a front-running member);
 * - `signer_untrusted`: the commitment is signed by a coordinator this client does not trust (not pinned, not certified);
 * - `coordinator_key_changed`: a pinned coordinator's keys changed: re-verify its safety number first;
 * - `own_keys_mismatch`: the hub lists other keys for this very user;
 * - `no_signing_key`: this account has no signing key yet.
 */
export type GroupKeyRefusal =
  | 'commitment_missing'
  | 'sender_unknown'
  | 'grant_unopenable'
  | 'commitment_mismatch'
  | 'signer_untrusted'
  | 'coordinator_key_changed'
  | 'own_keys_mismatch'
  | 'no_signing_key';

const REFUSAL_MESSAGES: Record<GroupKeyRefusal, string> = {
  commitment_missing:
    'This key epoch has no signed commitment from a coordinator (it predates verified keys); a coordinator must start a new key epoch',
  sender_unknown:
    'The copy of the group key was sealed by a user the hub does not list; it was refused',
  grant_unopenable:
    'The copy of the group key does not open as sealed by the user the hub names; it was refused',
  commitment_mismatch:
    "The group key received does not match the coordinator's signed commitment (a wrong key was sealed for you); it was refused",
  signer_untrusted:
    'The group key is vouched for by a coordinator this device does not trust; verify the coordinator (safety number) first',
  coordinator_key_changed:
    "A coordinator's keys changed since this device pinned them; nothing is sealed or accepted until you re-verify its safety number",
  own_keys_mismatch: 'The hub lists keys for you that are not yours; nothing was sealed',
  no_signing_key:
    'This account has no signing key yet; unlock your keys in the web app (or sign in again) first',
};

/** A typed refusal: the UI and CLI say `reason`; `reported` tells whether the hub was asked to drop the copy. */
export class GroupKeyRefused extends Error {
  constructor(
    readonly reason: GroupKeyRefusal,
    readonly workingGroupId: string,
    readonly epoch: number | null,
    readonly reported = false,
    readonly coordinatorUserIds: readonly string[] = [],
  ) {
    super(REFUSAL_MESSAGES[reason]);
    this.name = 'GroupKeyRefused';
  }
}

export async function groupKeyStatus(
  request: HubRequest,
  workingGroupId: string,
): Promise<GroupKeyStatus> {
  const { groupKeyStatus: status } = await send(request, GroupKeyStatusDocument, {
    wg: workingGroupId,
  });
  return {
    ...status,
    epochCommitment: status.epochCommitment ? { ...status.epochCommitment } : null,
    pendingRecipients: status.pendingRecipients.map((r) => ({ ...r })),
  };
}

async function loadPins(pins: PinStore, me: KeyOwner, workingGroupId: string): Promise<GroupPins> {
  return pins.load(me.userId, workingGroupId);
}

async function savePinsIfNew(
  pins: PinStore,
  me: KeyOwner,
  workingGroupId: string,
  before: GroupPins,
  trust: GroupTrust,
) {
  if (trust.newPins !== before) await pins.save(me.userId, workingGroupId, trust.newPins);
}

function pendingOf(directory: KeyDirectory, trust: GroupTrust, exclude: string): PendingHolder[] {
  return directory.holders
    .filter((h) => h.userId !== exclude && !trust.trusted.has(h.userId))
    .map((h) => ({
      userId: h.userId,
      displayName: h.displayName,
      reason: trust.untrusted.get(h.userId) ?? 'uncertified',
    }));
}

async function sealTo(
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
  const pins = await loadPins(options.pins, me, workingGroupId);
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

export interface UnlockedGroupKey {
  epoch: number;
  groupKey: Uint8Array;
  status: GroupKeyStatus;
  directory: KeyDirectory;
  /** This client's view of the group after opening (pins updated on first use). */
  trust: GroupTrust;
}

/** Best effort: the hub drops the copy (so an honest holder re-seals) and alerts the coordinators. */
async function reject(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
): Promise<boolean> {
  try {
    return (await send(request, RejectGroupKeyGrantDocument, { wg: workingGroupId, epoch }))
      .rejectGroupKeyGrant;
  } catch {
    return false;
  }
}

/**
 * Checks that `groupKey` is the epoch's K_group: the commitment verifies
 * with it under the listed key of its signer, and the signer is a root of
 * this client (a pinned coordinator, one it certified, or — with no pin yet
 * for the group — pinned now, on first use). Throws GroupKeyRefused;
 * a key that contradicts the commitment is reported to the hub.
 */
async function verifyAgainstCommitment(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
  groupKey: Uint8Array,
  status: GroupKeyStatus,
  directory: KeyDirectory,
  me: KeyOwner,
  pinStore: PinStore,
): Promise<GroupTrust> {
  const commitment = status.epochCommitment;
  if (!commitment) throw new GroupKeyRefused('commitment_missing', workingGroupId, epoch);
  const signerId = commitment.coordinatorUserId;
  const signerHolder = directory.holders.find((h) => h.userId === signerId && h.isCoordinator);
  const signer = signerHolder ? keyBundleOf(signerHolder) : null;
  const pins = await loadPins(pinStore, me, workingGroupId);
  const pin = pins[signerId];
  if (!signer)
    throw new GroupKeyRefused(
      pin ? 'coordinator_key_changed' : 'signer_untrusted',
      workingGroupId,
      epoch,
      false,
      [signerId],
    );
  // A changed key is the user's to judge (safety number), not a reason to drop the copy.
  if (pin && !pinMatches(pin, signer))
    throw new GroupKeyRefused('coordinator_key_changed', workingGroupId, epoch, false, [signerId]);
  let tag: Uint8Array;
  let signature: Uint8Array;
  try {
    tag = fromBase64(commitment.tag);
    signature = fromBase64(commitment.signature);
  } catch {
    tag = new Uint8Array(0);
    signature = new Uint8Array(0);
  }
  if (
    !verifyEpochCommitment(
      groupKey,
      { workingGroupId, epoch, coordinatorUserId: signerId },
      { tag, signature },
      signer.signingPublicKey,
    )
  ) {
    const reported = status.mySealedKey !== null && (await reject(request, workingGroupId, epoch));
    throw new GroupKeyRefused('commitment_mismatch', workingGroupId, epoch, reported, [signerId]);
  }
  const trust = directoryTrust(directory, {
    viewerUserId: me.userId,
    workingGroupId,
    pins,
    commitmentSigner: signer,
  });
  if (!trust.roots.has(signerId)) {
    const changed = trust.changedCoordinators.includes(signerId);
    throw new GroupKeyRefused(
      changed ? 'coordinator_key_changed' : 'signer_untrusted',
      workingGroupId,
      epoch,
      false,
      [signerId],
    );
  }
  await savePinsIfNew(pinStore, me, workingGroupId, pins, trust);
  return trust;
}

/**
 * Opens the caller's copy of the current K_group (HPKE Auth mode, with the
 * sender's X25519 key as the directory lists it) and accepts it only if it
 * matches the epoch commitment of a coordinator this client trusts.
 * Null while no copy is there; GroupKeyRefused when the copy is refused.
 */
export async function unlockGroupKey(
  request: HubRequest,
  workingGroupId: string,
  me: KeyOwner,
  options: { pins: PinStore; known?: { epoch: number; groupKey: Uint8Array } | null | undefined },
): Promise<UnlockedGroupKey | null> {
  const status = await groupKeyStatus(request, workingGroupId);
  const epoch = status.epoch;
  if (epoch === null || !status.mySealedKey) return null;
  if (!status.epochCommitment)
    throw new GroupKeyRefused('commitment_missing', workingGroupId, epoch);
  const directory = await fetchKeyDirectory(request, workingGroupId);
  let groupKey: Uint8Array;
  if (options.known && options.known.epoch === epoch) {
    groupKey = options.known.groupKey;
  } else {
    const sender = directory.holders.find((h) => h.userId === status.mySealedKeySenderId);
    if (!sender) {
      throw new GroupKeyRefused(
        'sender_unknown',
        workingGroupId,
        epoch,
        await reject(request, workingGroupId, epoch),
      );
    }
    // A pinned sender (a coordinator) is known by its pinned key, whatever
    // the hub lists now: a swapped listing then shows as a changed key
    // below, instead of making an honest copy look forged.
    const pinned = (await loadPins(options.pins, me, workingGroupId))[sender.userId];
    const senderKey = pinned?.encryptionPublicKey ?? sender.encryptionPublicKey;
    try {
      groupKey = await openGroupKey(
        fromBase64(status.mySealedKey),
        me.privateKey,
        { workingGroupId, epoch, recipientUserId: me.userId, senderUserId: sender.userId },
        fromBase64(senderKey),
      );
    } catch {
      throw new GroupKeyRefused(
        'grant_unopenable',
        workingGroupId,
        epoch,
        await reject(request, workingGroupId, epoch),
      );
    }
  }
  try {
    const trust = await verifyAgainstCommitment(
      request,
      workingGroupId,
      epoch,
      groupKey,
      status,
      directory,
      me,
      options.pins,
    );
    return { epoch, groupKey, status, directory, trust };
  } catch (error) {
    if (groupKey !== options.known?.groupKey) groupKey.fill(0);
    throw error;
  }
}

export interface FulfilResult {
  /** How many copies this call sealed. */
  sealed: number;
  /** Pending holders left waiting, with the reason (not certified, key changed…). */
  untrusted: PendingHolder[];
  changedCoordinators: string[];
}

/**
 * Seals K_group for the pending holders this client trusts (any open
 * client holding the key does this, so certified newcomers get it without
 * anyone acting). Never for an uncertified one, and for nobody while a
 * coordinator key changed.
 */
export async function sealPendingForTrusted(
  request: HubRequest,
  workingGroupId: string,
  key: { epoch: number; groupKey: Uint8Array },
  me: KeyOwner,
  status: GroupKeyStatus,
  trust: GroupTrust,
): Promise<FulfilResult> {
  const pending = status.pendingRecipients.filter((r) => r.userId !== me.userId);
  const untrusted: PendingHolder[] = [];
  const recipients: KeyBundle[] = [];
  for (const r of pending) {
    const bundle = trust.trusted.get(r.userId);
    // The pending list is the hub's too: seal only to the key the chain vouches for.
    if (bundle && toBase64(bundle.encryptionPublicKey) === r.publicKey) recipients.push(bundle);
    else
      untrusted.push({
        userId: r.userId,
        displayName: r.displayName,
        reason: bundle ? 'key_mismatch' : (trust.untrusted.get(r.userId) ?? 'uncertified'),
      });
  }
  let sealed = 0;
  if (recipients.length > 0) {
    const grants = await sealTo(key.groupKey, workingGroupId, key.epoch, me, recipients);
    sealed = (
      await send(request, FulfilGroupKeyGrantsDocument, {
        wg: workingGroupId,
        epoch: key.epoch,
        grants,
      })
    ).fulfilGroupKeyGrants;
  }
  return { sealed, untrusted, changedCoordinators: [...trust.changedCoordinators] };
}

/**
 * Seals the current K_group (already opened and verified by this client)
 * for the pending holders it trusts; reads the status and directory afresh.
 */
export async function fulfilPendingGrants(
  request: HubRequest,
  workingGroupId: string,
  key: { epoch: number; groupKey: Uint8Array },
  me: KeyOwner,
  options: { pins: PinStore },
): Promise<FulfilResult> {
  const status = await groupKeyStatus(request, workingGroupId);
  if (status.epoch !== key.epoch) return { sealed: 0, untrusted: [], changedCoordinators: [] };
  const directory = await fetchKeyDirectory(request, workingGroupId);
  const pins = await loadPins(options.pins, me, workingGroupId);
  const trust = directoryTrust(directory, { viewerUserId: me.userId, workingGroupId, pins });
  return sealPendingForTrusted(request, workingGroupId, key, me, status, trust);
}
