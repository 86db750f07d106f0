import {
  certificateBodyFor,
  DEFAULT_KDF_PARAMS,
  deriveCredentials,
  generateSigningKeyPair,
  generateUserKeyPair,
  newKdfSalt,
  sealPrivateKey,
  sealSigningKey,
  signCertificate,
  type AccountMaterial,
  type CertificateKind,
  type KeyBundle,
} from '@parallax/identity';

/** A demo account's material, and the signing key the seed keeps (in memory only) to certify with. */
export interface DemoKeys {
  material: AccountMaterial;
  signingPrivateKey: Uint8Array;
}

/**
 * What a browser makes at sign-up (see createAccountMaterial), except that
 * the seed keeps the signing private key until it has issued the demo's
 * certificates: the demo starts fully verified, as if every admin had
 * compared safety numbers with the coordinator and with their colleagues.
 */
export async function demoKeys(password: string): Promise<DemoKeys> {
  const kdfSalt = newKdfSalt();
  const { loginKey, encryptionKey } = await deriveCredentials(
    password,
    kdfSalt,
    DEFAULT_KDF_PARAMS,
  );
  const encryption = generateUserKeyPair();
  const signing = generateSigningKeyPair();
  const material: AccountMaterial = {
    kdfSalt,
    kdfParams: DEFAULT_KDF_PARAMS,
    loginKey,
    publicKey: encryption.publicKey,
    encryptedPrivateKey: sealPrivateKey(encryption.privateKey, encryptionKey),
    signingPublicKey: signing.publicKey,
    encryptedSigningKey: sealSigningKey(signing.privateKey, encryptionKey),
  };
  encryption.privateKey.fill(0);
  encryptionKey.fill(0);
  return { material, signingPrivateKey: signing.privateKey };
}

export function bundleOf(userId: string, organisationId: string, keys: DemoKeys): KeyBundle {
  return {
    userId,
    organisationId,
    encryptionPublicKey: keys.material.publicKey,
    signingPublicKey: keys.material.signingPublicKey,
  };
}

/** A certificate as the seed stores it, signed exactly as a client would sign it. */
export function demoCertificate(
  kind: CertificateKind,
  workingGroupId: string | null,
  subject: KeyBundle,
  issuerUserId: string,
  issuerKeys: DemoKeys,
): {
  kind: CertificateKind;
  workingGroupId: string | null;
  body: Uint8Array;
  signature: Uint8Array;
} {
  const body = certificateBodyFor(kind, subject, issuerUserId, workingGroupId);
  return {
    kind,
    workingGroupId: body.workingGroupId,
    ...signCertificate(body, issuerKeys.signingPrivateKey),
  };
}
