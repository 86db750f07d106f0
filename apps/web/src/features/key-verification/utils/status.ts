import {
  bodyMatchesBundle,
  verifyCertificate,
  type CertificateKind,
  type KeyBundle,
  type SignedCertificate,
} from '@parallax/identity';

/** What a verification screen says about one person. */
export type VerificationStatus = 'verified' | 'unverified' | 'changed' | 'noKey';

/**
 * Whether `subject` holds a certificate of `kind` (for `workingGroupId`, or
 * organisation-wide for `member`) signed by one of `issuers` over the
 * subject's CURRENT keys — checked here, signature and all, never on the
 * hub's word. A valid certificate over other keys means the keys changed
 * since the check: verify again.
 */
export function certificateStatus(
  subject: KeyBundle | null,
  kind: CertificateKind,
  workingGroupId: string | null,
  certificates: readonly SignedCertificate[],
  issuers: ReadonlyMap<string, KeyBundle>,
): VerificationStatus {
  if (!subject) return 'noKey';
  let status: VerificationStatus = 'unverified';
  for (const certificate of certificates) {
    if (certificate.subjectUserId !== subject.userId || certificate.kind !== kind) continue;
    const issuer = issuers.get(certificate.issuerUserId);
    if (!issuer || issuer.userId === subject.userId) continue;
    const body = verifyCertificate(certificate, issuer.signingPublicKey);
    if (
      !body ||
      body.kind !== kind ||
      body.workingGroupId !== workingGroupId ||
      body.issuerUserId !== issuer.userId ||
      body.subjectUserId !== subject.userId
    )
      continue;
    if (bodyMatchesBundle(body, subject)) return 'verified';
    status = 'changed';
  }
  return status;
}
