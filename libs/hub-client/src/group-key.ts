/**
 * The client side of K_group distribution with verified keys: a client
 * seals K_group only to keys it trusts itself (key-trust in
 * @parallax/identity), and accepts a K_group only when the epoch's
 * commitment, signed by a coordinator it trusts, matches it.
 * This module only gathers the public names of the group-key-* files.
 */
export {
  groupKeyStatus,
  type EpochCommitmentView,
  type GroupKeyStatus,
  type KeyRecipient,
  type PendingHolder,
} from './group-key-status.js';
export { GroupKeyRefused, type GroupKeyRefusal } from './group-key-refused.js';
export { startKeyEpoch } from './group-key-epoch.js';
export { unlockGroupKey, type UnlockedGroupKey } from './group-key-unlock.js';
export {
  fulfilPendingGrants,
  sealPendingForTrusted,
  type FulfilResult,
} from './group-key-fulfil.js';
