import {
  CERTIFICATE_KINDS,
  decodeKeyBase64,
  evaluateGroupTrust,
  type CertificateKind,
  type GroupPins,
  type GroupTrust,
  type KeyBundle,
  type SignedCertificate,
} from '@parallax/identity';
import { KeyDirectoryDocument } from './gql/graphql.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/** A user the hub lists as a holder (or coordinator) of a group's key: the hub's word, to be checked. */
export interface KeyHolder {
  userId: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  role: string | null;
  isCoordinator: boolean;
  /** base64 X25519 key. */
  encryptionPublicKey: string;
  /** base64 Ed25519 key; null for an account made before signing keys. */
  signingPublicKey: string | null;
}

export interface KeyDirectory {
  holders: KeyHolder[];
  /** Certificates as relayed; those that do not even decode are dropped here. */
  certificates: SignedCertificate[];
}

function bytesOrNull(text: string): Uint8Array | null {
  try {
    return decodeKeyBase64(text);
  } catch {
    return null;
  }
}

export async function fetchKeyDirectory(
  request: HubRequest,
  workingGroupId: string,
): Promise<KeyDirectory> {
  const { keyDirectory } = await send(request, KeyDirectoryDocument, { wg: workingGroupId });
  const certificates = keyDirectory.certificates.flatMap((c): SignedCertificate[] => {
    const body = bytesOrNull(c.body);
    const signature = bytesOrNull(c.signature);
    if (!body || !signature || !(CERTIFICATE_KINDS as readonly string[]).includes(c.kind))
      return [];
    return [
      {
        kind: c.kind as CertificateKind,
        workingGroupId: c.workingGroupId,
        subjectUserId: c.subjectUserId,
        issuerUserId: c.issuerUserId,
        body,
        signature,
      },
    ];
  });
  return { holders: keyDirectory.holders.map((h) => ({ ...h })), certificates };
}

/** The keys a directory entry claims, or null when it has no usable signing key. */
export function keyBundleOf(holder: {
  userId: string;
  organisationId: string | null;
  encryptionPublicKey: string;
  signingPublicKey: string | null;
}): KeyBundle | null {
  if (!holder.signingPublicKey) return null;
  const encryptionPublicKey = bytesOrNull(holder.encryptionPublicKey);
  const signingPublicKey = bytesOrNull(holder.signingPublicKey);
  if (encryptionPublicKey?.length !== 32 || signingPublicKey?.length !== 32) return null;
  return {
    userId: holder.userId,
    organisationId: holder.organisationId ?? '',
    encryptionPublicKey,
    signingPublicKey,
  };
}

/**
 * evaluateGroupTrust over a directory. Holders without a usable signing key
 * cannot carry a certificate: they stay untrusted ('uncertified') until
 * their client registers one.
 */
export function directoryTrust(
  directory: KeyDirectory,
  options: {
    viewerUserId: string;
    workingGroupId: string;
    pins: GroupPins;
    commitmentSigner?: KeyBundle | undefined;
  },
): GroupTrust {
  const bundles = directory.holders.flatMap((h) => {
    const b = keyBundleOf(h);
    return b ? [{ b, coordinator: h.isCoordinator }] : [];
  });
  const trust = evaluateGroupTrust({
    viewerUserId: options.viewerUserId,
    workingGroupId: options.workingGroupId,
    coordinators: bundles.filter((x) => x.coordinator).map((x) => x.b),
    people: bundles.map((x) => x.b),
    certificates: directory.certificates,
    pins: options.pins,
    commitmentSigner: options.commitmentSigner,
  });
  // A pinned coordinator the hub now lists without a usable signing key
  // changed keys too: the same block as any other change.
  const stripped = directory.holders.filter(
    (h) => h.isCoordinator && options.pins[h.userId] !== undefined && keyBundleOf(h) === null,
  );
  if (stripped.length > 0) {
    trust.changedCoordinators.push(...stripped.map((h) => h.userId));
    trust.trusted.clear();
    for (const h of directory.holders) trust.untrusted.set(h.userId, 'coordinator_key_changed');
  }
  for (const h of directory.holders) {
    if (!trust.trusted.has(h.userId) && !trust.untrusted.has(h.userId))
      trust.untrusted.set(
        h.userId,
        trust.changedCoordinators.length > 0 ? 'coordinator_key_changed' : 'uncertified',
      );
  }
  return trust;
}
