/** Test users with real keys, for the identity specs (not part of the library build). */
import { randomBytes } from '@noble/hashes/utils.js';
import {
  certificateBodyFor,
  signCertificate,
  type CertificateKind,
  type SignedCertificate,
} from '../certificates.js';
import type { KeyBundle } from '../key-bundle.js';
import { generateSigningKeyPair, generateUserKeyPair } from '../user-keys.js';

export interface TestUser {
  bundle: KeyBundle;
  encryptionPrivateKey: Uint8Array;
  signingPrivateKey: Uint8Array;
}

export function testUser(userId: string, organisationId: string): TestUser {
  const enc = generateUserKeyPair();
  const sig = generateSigningKeyPair();
  return {
    bundle: {
      userId,
      organisationId,
      encryptionPublicKey: enc.publicKey,
      signingPublicKey: sig.publicKey,
    },
    encryptionPrivateKey: enc.privateKey,
    signingPrivateKey: sig.privateKey,
  };
}

/** The same user id and organisation with fresh keys: what a hub substituting keys lists. */
export function withNewKeys(user: TestUser): TestUser {
  return testUser(user.bundle.userId, user.bundle.organisationId);
}

export function certify(
  kind: CertificateKind,
  workingGroupId: string | null,
  subject: KeyBundle,
  issuer: TestUser,
): SignedCertificate {
  const body = certificateBodyFor(kind, subject, issuer.bundle.userId, workingGroupId);
  const signed = signCertificate(body, issuer.signingPrivateKey);
  return {
    kind,
    workingGroupId: body.workingGroupId,
    subjectUserId: subject.userId,
    issuerUserId: issuer.bundle.userId,
    ...signed,
  };
}

export const randomKey = (): Uint8Array => randomBytes(32);
