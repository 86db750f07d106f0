import { schemaMismatchOf, type SchemaMismatch } from '@parallax/hub-client';
import type { GroupKeyState } from '../hooks/store';

/**
 * The mismatch between the fingerprint rules of the group's current key
 * epoch and this app's, or null when they agree or are not known yet. While
 * there is one, this app registers and re-fingerprints nothing in the group
 * (the hub would refuse it with FINGERPRINT_SCHEMA_MISMATCH).
 */
export function schemaMismatchOfState(state: GroupKeyState): SchemaMismatch | null {
  return state.status === 'ready' || state.status === 'pending'
    ? schemaMismatchOf(state.schemaVersion)
    : null;
}

/** The group key is open on this device and its epoch uses this app's fingerprint rules. */
export function canFingerprintWith(
  state: GroupKeyState,
): state is Extract<GroupKeyState, { status: 'ready' }> {
  return state.status === 'ready' && schemaMismatchOfState(state) === null;
}
