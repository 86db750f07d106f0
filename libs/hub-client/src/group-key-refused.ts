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
