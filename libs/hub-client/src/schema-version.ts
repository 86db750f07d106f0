import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';

/**
 * Fingerprint rules and key epochs: every fingerprint of a key epoch follows
 * one schema version (the hub refuses others with
 * FINGERPRINT_SCHEMA_MISMATCH). A group whose current epoch uses other rules
 * than this client's moves to them by a key rotation, after which its cases
 * are fingerprinted again; until then this client registers nothing there.
 */
export interface SchemaMismatch {
  /** The rules of the group's current key epoch. */
  epochVersion: string;
  /** This client's rules (FINGERPRINT_SCHEMA_VERSION). */
  clientVersion: string;
}

/** The mismatch between the epoch's rules and this client's, or null when they agree (or no epoch yet). */
export function schemaMismatchOf(
  epochSchemaVersion: string | null | undefined,
  clientVersion: string = FINGERPRINT_SCHEMA_VERSION,
): SchemaMismatch | null {
  if (epochSchemaVersion === null || epochSchemaVersion === undefined) return null;
  return epochSchemaVersion === clientVersion
    ? null
    : { epochVersion: epochSchemaVersion, clientVersion };
}

const versionNumber = (v: string): number => Number(/^v(\d+)$/u.exec(v)?.[1] ?? Number.NaN);

/** True when the group's epoch uses newer rules than this client: the client is updated, not the keys rotated. */
export function clientIsBehind(m: SchemaMismatch): boolean {
  return versionNumber(m.epochVersion) > versionNumber(m.clientVersion);
}

/** What a person is told, in English (the CLI; the web app says it in the user's language). */
export function schemaMismatchMessage(m: SchemaMismatch, groupName: string): string {
  const head = `The keys of "${groupName}" use fingerprint rules ${m.epochVersion}, and this client uses ${m.clientVersion}: `;
  if (clientIsBehind(m))
    return `${head}update this client to fingerprint rules ${m.epochVersion} before registering cases.`;
  return (
    `${head}no case can be registered until a coordinator rotates the group's keys to move it to ${m.clientVersion}; ` +
    'then the cases are fingerprinted again.'
  );
}
