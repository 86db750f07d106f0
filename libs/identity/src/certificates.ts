import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeBase64, encodeBase64, equalBytes } from './base64.js';
import type { KeyBundle } from './key-bundle.js';

/**
 * Key certificates: one user's Ed25519 signature over another user's keys,
 * given after the two compared a safety number out of band. Clients check
 * them themselves (key-trust.ts); the hub only stores and relays them, so a
 * certificate the hub made up does not verify.
 *
 * - `org_admin` (for group W): a coordinator of W vouches for an org admin
 *   of a member organisation of W.
 * - `member` (organisation-wide, workingGroupId null): an org admin vouches
 *   for a user of the admin's own organisation.
 * - `coordinator` (for group W): a coordinator of W vouches for another.
 */
export type CertificateKind = 'org_admin' | 'member' | 'coordinator';

export const CERTIFICATE_KINDS: readonly CertificateKind[] = ['org_admin', 'member', 'coordinator'];

export interface CertificateBody {
  v: 1;
  kind: CertificateKind;
  /** org_admin and coordinator: the group; member: null (organisation-wide). */
  workingGroupId: string | null;
  subjectUserId: string;
  /** The subject's organisation. */
  organisationId: string;
  /** base64 (standard, padded) of the subject's X25519 key. */
  encryptionPublicKey: string;
  /** base64 (standard, padded) of the subject's Ed25519 key. */
  signingPublicKey: string;
  issuerUserId: string;
  /** ISO-8601. */
  issuedAt: string;
}

/** A certificate as the hub relays it: the signed bytes, and what it claims to be about. */
export interface SignedCertificate {
  kind: CertificateKind;
  workingGroupId: string | null;
  subjectUserId: string;
  issuerUserId: string;
  body: Uint8Array;
  signature: Uint8Array;
}

const SIGNATURE_CONTEXT = utf8ToBytes('parallax/v1/certificate\n');
const KEYS: readonly (keyof CertificateBody)[] = [
  'encryptionPublicKey',
  'issuedAt',
  'issuerUserId',
  'kind',
  'organisationId',
  'signingPublicKey',
  'subjectUserId',
  'v',
  'workingGroupId',
];
/** Generous, but a certificate stays small enough to store and relay cheaply. */
const MAX_BODY_BYTES = 2048;
const MAX_ID_LENGTH = 200;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/u;

export class CertificateFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateFormatError';
  }
}

const fail = (message: string): never => {
  throw new CertificateFormatError(message);
};

function checkId(value: unknown, field: string, allowEmpty = false): string {
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  if ((!allowEmpty && value.length === 0) || value.length > MAX_ID_LENGTH)
    return fail(`${field} has a bad length`);
  // No control characters: ids are printed and compared, never interpreted.
  if (/\p{Cc}/u.test(value)) return fail(`${field} has control characters`);
  return value;
}

function checkKey(value: unknown, field: string): string {
  if (typeof value !== 'string') return fail(`${field} must be a string`);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(value);
  } catch {
    return fail(`${field} is not canonical base64`);
  }
  if (bytes.length !== 32) return fail(`${field} is not a 32-byte key`);
  return value;
}

/** Checks every field; the one place that decides what a well-formed body is. */
function checkBody(body: CertificateBody): CertificateBody {
  if (body.v !== 1) fail('Unknown certificate version');
  if (!CERTIFICATE_KINDS.includes(body.kind)) fail('Unknown certificate kind');
  if (body.kind === 'member') {
    if (body.workingGroupId !== null) fail('A member certificate is organisation-wide');
  } else {
    checkId(body.workingGroupId, 'workingGroupId');
  }
  checkId(body.subjectUserId, 'subjectUserId');
  checkId(body.organisationId, 'organisationId', body.kind === 'coordinator');
  checkId(body.issuerUserId, 'issuerUserId');
  if (body.issuerUserId === body.subjectUserId) fail('A certificate is never self-issued');
  checkKey(body.encryptionPublicKey, 'encryptionPublicKey');
  checkKey(body.signingPublicKey, 'signingPublicKey');
  if (
    typeof body.issuedAt !== 'string' ||
    !ISO_8601.test(body.issuedAt) ||
    Number.isNaN(Date.parse(body.issuedAt))
  )
    fail('issuedAt must be an ISO-8601 date-time');
  return body;
}

/**
 * Canonical UTF-8 JSON: keys in lexicographic order, no spaces. One body has
 * exactly one encoding, so the signature is over that and nothing else.
 */
export function encodeCertificateBody(body: CertificateBody): Uint8Array {
  checkBody(body);
  const record = body as unknown as Record<string, unknown>;
  const json = `{${KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(record[k])}`).join(',')}}`;
  return utf8ToBytes(json);
}

/** Throws CertificateFormatError on anything malformed, extra keys, or a non-canonical encoding. */
export function decodeCertificateBody(bytes: Uint8Array): CertificateBody {
  if (bytes.length === 0 || bytes.length > MAX_BODY_BYTES)
    fail('Certificate body has a bad length');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('Certificate body is not UTF-8 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fail('Certificate body is not an object');
  const keys = Object.keys(parsed).sort();
  if (keys.length !== KEYS.length || keys.some((k, i) => k !== KEYS[i]))
    return fail('Certificate body has missing or extra fields');
  const body = checkBody(parsed as CertificateBody);
  // Byte-for-byte canonical: no reordered keys, spaces or escapes that would
  // give one body two signatures' worth of spellings.
  if (!equalBytes(encodeCertificateBody(body), bytes)) fail('Certificate body is not canonical');
  return body;
}

function signedMessage(body: Uint8Array): Uint8Array {
  return concatBytes(SIGNATURE_CONTEXT, body);
}

/** Encodes and signs: Ed25519 over utf8("parallax/v1/certificate\n") || body. */
export function signCertificate(
  body: CertificateBody,
  issuerSigningPrivateKey: Uint8Array,
): { body: Uint8Array; signature: Uint8Array } {
  const encoded = encodeCertificateBody(body);
  return {
    body: encoded,
    signature: ed25519.sign(signedMessage(encoded), issuerSigningPrivateKey),
  };
}

/** The decoded body when the signature is the issuer's over a well-formed body, else null. */
export function verifyCertificate(
  certificate: { body: Uint8Array; signature: Uint8Array },
  issuerSigningPublicKey: Uint8Array,
): CertificateBody | null {
  let body: CertificateBody;
  try {
    body = decodeCertificateBody(certificate.body);
  } catch {
    return null;
  }
  if (certificate.signature.length !== 64 || issuerSigningPublicKey.length !== 32) return null;
  try {
    return ed25519.verify(
      certificate.signature,
      signedMessage(certificate.body),
      issuerSigningPublicKey,
      {
        zip215: false,
      },
    )
      ? body
      : null;
  } catch {
    return null;
  }
}

/** The body a client signs to vouch for `subject` (a directory entry it compared a safety number with). */
export function certificateBodyFor(
  kind: CertificateKind,
  subject: KeyBundle,
  issuerUserId: string,
  workingGroupId: string | null,
  issuedAt: Date = new Date(),
): CertificateBody {
  return {
    v: 1,
    kind,
    workingGroupId: kind === 'member' ? null : workingGroupId,
    subjectUserId: subject.userId,
    organisationId: subject.organisationId,
    encryptionPublicKey: encodeBase64(subject.encryptionPublicKey),
    signingPublicKey: encodeBase64(subject.signingPublicKey),
    issuerUserId,
    issuedAt: issuedAt.toISOString(),
  };
}

/** Whether a body is about exactly these current keys and organisation. */
export function bodyMatchesBundle(body: CertificateBody, subject: KeyBundle): boolean {
  return (
    body.subjectUserId === subject.userId &&
    body.organisationId === subject.organisationId &&
    body.encryptionPublicKey === encodeBase64(subject.encryptionPublicKey) &&
    body.signingPublicKey === encodeBase64(subject.signingPublicKey)
  );
}
