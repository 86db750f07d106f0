/** A FollowTheMoney property bag: every property is a list of strings. */
export type FtmProperties = Readonly<Record<string, readonly string[] | string | undefined>>;

/** A free identifier that FtM has no Person property for (a handle, a tail number, a wallet…). */
export interface TypedIdentifier {
  readonly type: string;
  readonly value: string;
}

/**
 * A FollowTheMoney `Person` entity as Aleph and OpenSanctions export it
 * (`{id, schema: "Person", properties}`), plus Parallax's optional
 * `identifiers` list for typed identifiers.
 */
export interface FtmPerson {
  readonly id: string;
  readonly schema?: string;
  readonly properties: FtmProperties;
  readonly identifiers?: readonly TypedIdentifier[];
}

/** A plaintext normalised key. It never leaves the client. */
export interface FingerprintKey {
  readonly kind: string;
  readonly value: string;
}

/** Options of key extraction. */
export interface ExtractKeysOptions {
  /** ISO 3166 alpha-2 country for phone numbers written without an international prefix. */
  readonly defaultPhoneCountry?: string;
}

/** One fingerprint: the key kind and the base64url HMAC. */
export interface Fingerprint {
  readonly kind: string;
  readonly fp: string;
}

/** The fingerprints of one record. */
export interface RecordFingerprints {
  readonly id: string;
  readonly fingerprints: readonly Fingerprint[];
}
