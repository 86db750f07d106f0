import {
  fulfilPendingGrants,
  GroupKeyRefused,
  schemaMismatchMessage,
  schemaMismatchOf,
  unlockGroupKey,
  type HubRequest,
  type KeyOwner,
  type PinStore,
  type UnlockedGroupKey,
} from '@parallax/hub-client';
import { CliError, ExitCode } from '../io/cli-error.js';

/**
 * Opens the caller's copy of a group's key the verified way: the copy must
 * open as sealed by the user the hub names (HPKE Auth mode) and match the
 * epoch commitment of a coordinator this machine trusts (pinned in the
 * CLI's pin file). Anything else is refused, with the reason.
 */
export async function openGroupKeyVerified(
  request: HubRequest,
  group: { id: string; name: string },
  me: KeyOwner,
  pins: PinStore,
): Promise<UnlockedGroupKey> {
  let unlocked: UnlockedGroupKey | null;
  try {
    unlocked = await unlockGroupKey(request, group.id, me, { pins });
  } catch (error) {
    if (error instanceof GroupKeyRefused) {
      const reported = error.reported
        ? ' The hub was told to drop that copy and the coordinators were alerted.'
        : '';
      throw new CliError(
        `The key of "${group.name}" was refused (${error.reason}): ${error.message}.${reported}`,
        ExitCode.Access,
      );
    }
    throw error;
  }
  if (!unlocked) {
    throw new CliError(
      `Your copy of the key of "${group.name}" is not there yet: the coordinator must start the group's key, ` +
        'or a member who holds it must open Parallax (it seals a copy for you once your keys are certified). Try again later.',
      ExitCode.Access,
    );
  }
  return unlocked;
}

/** Like any client holding the key: seal it for waiting members this machine trusts; say who still waits. */
export async function sealForWaitingMembers(
  request: HubRequest,
  group: { id: string },
  key: { epoch: number; groupKey: Uint8Array },
  me: KeyOwner,
  pins: PinStore,
  say: (line: string) => void,
): Promise<void> {
  try {
    const { sealed, untrusted, changedCoordinators } = await fulfilPendingGrants(
      request,
      group.id,
      key,
      me,
      { pins },
    );
    if (sealed > 0)
      say(`sealed the group key for ${sealed} certified member(s) who were waiting for it`);
    if (changedCoordinators.length > 0)
      say(
        `a coordinator's keys changed since this machine pinned them; nothing was sealed for anyone. ` +
          'Compare the safety number with the coordinator in the web app before trusting the new key',
      );
    else if (untrusted.length > 0)
      say(
        `${untrusted.length} member(s) wait for their keys to be certified before anyone can seal the group key for them`,
      );
  } catch {
    // Not this command's job to insist; another client will do it.
  }
}

/**
 * Refuses to fingerprint for a group whose key epoch uses other fingerprint
 * rules than this CLI (the hub would refuse every case with
 * FINGERPRINT_SCHEMA_MISMATCH): says who must act, before any budget is spent.
 */
export function assertSameSchema(
  group: { name: string },
  unlocked: Pick<UnlockedGroupKey, 'status'>,
): void {
  const mismatch = schemaMismatchOf(unlocked.status.schemaVersion);
  if (mismatch) throw new CliError(schemaMismatchMessage(mismatch, group.name), ExitCode.Access);
}
