import type { GroupKeyRefusal, GroupKeyRefused } from '@parallax/hub-client';
import type { MessageId } from '../../../i18n/messages';
import type { WaitingHolder } from '../hooks/store';

/** Why a member is still waiting, in words that say who has to act. */
export function waitingReasonId(holder: WaitingHolder): MessageId {
  if (holder.noSigningKey) return 'groupKey.reason.noSigningKey';
  const verifiedByCoordinator = holder.role === 'org_admin' || holder.isCoordinator;
  switch (holder.reason) {
    case 'uncertified':
      return verifiedByCoordinator
        ? 'groupKey.reason.adminUncertified'
        : 'groupKey.reason.memberUncertified';
    case 'issuer_untrusted':
      return verifiedByCoordinator
        ? 'groupKey.reason.adminUncertified'
        : 'groupKey.reason.issuerUntrusted';
    case 'key_mismatch':
      return 'groupKey.reason.keyMismatch';
    case 'coordinator_key_changed':
      return 'groupKey.reason.coordinatorChanged';
  }
}

/** What to tell the user when this device refused a group key. */
export function refusalMessageId(reason: GroupKeyRefusal): MessageId {
  switch (reason) {
    case 'signer_untrusted':
      return 'groupKey.refused.signerUntrusted';
    case 'commitment_missing':
      return 'groupKey.refused.commitmentMissing';
    case 'own_keys_mismatch':
      return 'groupKey.refused.ownKeys';
    case 'no_signing_key':
      return 'groupKey.refused.noSigningKey';
    case 'coordinator_key_changed':
      return 'groupKey.coordinatorChangedTitle';
    case 'commitment_mismatch':
    case 'sender_unknown':
    case 'grant_unopenable':
      return 'groupKey.rejectedBody';
  }
}

/**
 * Whether `error` is hub-client's GroupKeyRefused. Checked by name, not with
 * `instanceof`: importing the class through `@parallax/hub-client` would pull
 * the HPKE code into the first page's bundle, which loads it only when keys are handled.
 */
export function isGroupKeyRefused(error: unknown): error is GroupKeyRefused {
  return error instanceof Error && error.name === 'GroupKeyRefused' && 'reason' in error;
}
