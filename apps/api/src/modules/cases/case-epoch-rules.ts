import { ErrorCode } from '@parallax/domain';
import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { CasesException } from './cases.exception.js';

/** The group's current key epoch and the fingerprint schema version of its fingerprints. */
export interface EpochSchema {
  epoch: number;
  schemaVersion: string;
}

/** Says what to do: rotate when the epoch is behind this hub's rules, update the client when the client is. */
function schemaMismatch(epochVersion: string, sent: string): CasesException {
  const remedy =
    sent === FINGERPRINT_SCHEMA_VERSION
      ? `a coordinator rotates the group's keys to move it to ${sent}, then cases are fingerprinted again`
      : `update this client to fingerprint rules ${FINGERPRINT_SCHEMA_VERSION}`;
  return new CasesException(
    ErrorCode.FingerprintSchemaMismatch,
    `The fingerprints follow fingerprint rules ${sent}, but this group's keys use ${epochVersion}: ${remedy}`,
    { epochSchemaVersion: epochVersion, schemaVersion: sent },
  );
}

/**
 * Fingerprints are accepted only under the group's current key and under its
 * epoch's fingerprint schema: equal fingerprints of one epoch must mean equal
 * normalised values, so an epoch never holds two schemas (a group moves to a
 * new schema by a key rotation, after which its cases are fingerprinted again).
 */
export function assertEpochAndSchema(current: EpochSchema | null, sent: EpochSchema): void {
  if (current?.epoch !== sent.epoch) {
    throw new CasesException(
      ErrorCode.StaleEpoch,
      'The fingerprints were made under an old group key: fetch the key and fingerprint again',
    );
  }
  if (current.schemaVersion !== sent.schemaVersion)
    throw schemaMismatch(current.schemaVersion, sent.schemaVersion);
}

/** Refuses a batch in which a case for the current epoch follows another schema. */
export function assertBatchSchema(
  current: EpochSchema | null,
  cases: readonly EpochSchema[],
): void {
  if (!current) return;
  const wrong = cases.find(
    (c) => c.epoch === current.epoch && c.schemaVersion !== current.schemaVersion,
  );
  if (wrong) throw schemaMismatch(current.schemaVersion, wrong.schemaVersion);
}
