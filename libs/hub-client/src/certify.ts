import {
  acceptCoordinatorPin,
  certificateBodyFor,
  safetyNumber,
  safetyNumberQr,
  signCertificate,
  type CertificateKind,
  type GroupPins,
} from '@parallax/identity';
import { toBase64 } from './base64.js';
import { CertifyKeyDocument } from './gql/graphql.js';
import { keyBundleOf, type KeyHolder } from './key-directory.js';
import { ownKeyBundle, type KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { PinStore } from './pins.js';
import type { HubRequest } from './request.js';

/**
 * Certifying a user's keys, after the two compared their safety number out
 * of band. The body is built from the very directory entry whose safety
 * number was shown, so what is signed is what was compared.
 */

export interface IssuedCertificate {
  id: string;
  kind: string;
  workingGroupId: string | null;
  subjectUserId: string;
  issuerUserId: string;
  createdAt: string;
}

export class CertifyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertifyError';
  }
}

/** The safety number (digits and QR text) between the signed-in user and a directory entry. */
export function safetyNumberWith(
  me: KeyOwner,
  myOrganisationId: string | null,
  holder: KeyHolder,
): { digits: string; qr: string } | null {
  const mine = ownKeyBundle(me, myOrganisationId);
  const theirs = keyBundleOf(holder);
  if (!mine || !theirs) return null;
  return { digits: safetyNumber(mine, theirs), qr: safetyNumberQr(mine, theirs) };
}

async function certify(
  request: HubRequest,
  kind: CertificateKind,
  workingGroupId: string | null,
  subject: KeyHolder,
  me: KeyOwner,
): Promise<IssuedCertificate> {
  if (!me.signingPrivateKey) throw new CertifyError('This account has no signing key yet');
  if (subject.userId === me.userId) throw new CertifyError('Nobody certifies their own keys');
  const bundle = keyBundleOf(subject);
  if (!bundle)
    throw new CertifyError(
      `${subject.displayName} has no signing key yet: they must sign in once first`,
    );
  if (kind !== 'coordinator' && !subject.organisationId)
    throw new CertifyError(`${subject.displayName} belongs to no organisation`);
  const body = certificateBodyFor(kind, bundle, me.userId, workingGroupId);
  const signed = signCertificate(body, me.signingPrivateKey);
  const { certifyKey } = await send(request, CertifyKeyDocument, {
    input: {
      kind,
      ...(body.workingGroupId !== null ? { workingGroupId: body.workingGroupId } : {}),
      subjectUserId: subject.userId,
      body: toBase64(signed.body),
      signature: toBase64(signed.signature),
    },
  });
  return { ...certifyKey };
}

/** Coordinator of `workingGroupId` vouches for an org admin of a member organisation. */
export function certifyOrgAdmin(
  request: HubRequest,
  args: { workingGroupId: string; subject: KeyHolder; me: KeyOwner },
): Promise<IssuedCertificate> {
  return certify(request, 'org_admin', args.workingGroupId, args.subject, args.me);
}

/** Org admin vouches for a user of the admin's own organisation (valid in all its groups). */
export function certifyMember(
  request: HubRequest,
  args: { subject: KeyHolder; me: KeyOwner },
): Promise<IssuedCertificate> {
  return certify(request, 'member', null, args.subject, args.me);
}

/** Coordinator of `workingGroupId` vouches for a co-coordinator. */
export function certifyCoordinator(
  request: HubRequest,
  args: { workingGroupId: string; subject: KeyHolder; me: KeyOwner },
): Promise<IssuedCertificate> {
  return certify(request, 'coordinator', args.workingGroupId, args.subject, args.me);
}

/**
 * After the user compared a coordinator's safety number: pins its current
 * keys as verified (a first verification, or accepting a changed key).
 */
export async function acceptCoordinatorKey(
  pins: PinStore,
  viewerUserId: string,
  workingGroupId: string,
  coordinator: KeyHolder,
): Promise<GroupPins> {
  const bundle = keyBundleOf(coordinator);
  if (!bundle || !coordinator.isCoordinator)
    throw new CertifyError(`${coordinator.displayName} is not a coordinator with a signing key`);
  const next = acceptCoordinatorPin(await pins.load(viewerUserId, workingGroupId), bundle);
  await pins.save(viewerUserId, workingGroupId, next);
  return next;
}
