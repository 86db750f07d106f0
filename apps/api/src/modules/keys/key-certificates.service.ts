import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import {
  CertificateFormatError,
  decodeCertificateBody,
  verifyCertificate,
  type CertificateBody,
} from '@parallax/identity';
import { DataSource, type EntityManager } from 'typeorm';
import { b64 } from '../../common/graphql/validators.js';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CertificateKind } from './certificate-rules.js';
import {
  KeyCertificatesRepository,
  type CertificateRow,
  type DirectoryEntry,
  type KeyOwner,
} from './key-certificates.repository.js';
import { KeysException } from './keys.exception.js';
import { KeysRepository } from './keys.repository.js';

export interface CertificateRequest {
  kind: CertificateKind;
  workingGroupId: string | null;
  subjectUserId: string;
  body: Uint8Array;
  signature: Uint8Array;
}

export interface KeyDirectoryData {
  holders: DirectoryEntry[];
  certificates: CertificateRow[];
}

/**
 * The hub's side of verified keys: it lists keys and certificates and keeps
 * the certificates people issue, refusing any that could not be genuine
 * (wrong issuer for the kind, keys that are not the subject's current ones,
 * a bad signature). Clients verify every chain themselves; these checks
 * only keep junk out and give a clear error early.
 */
@Injectable()
export class KeyCertificatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly repository: KeyCertificatesRepository,
    private readonly keys: KeysRepository,
  ) {}

  /** For an eligible holder of the group (coordinators and member org admins included). */
  async directory(actor: Actor, workingGroupId: string): Promise<KeyDirectoryData> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const holders = await this.repository.directory(m, workingGroupId);
      if (!holders.some((h) => h.userId === actor.userId)) {
        throw new KeysException(ErrorCode.NotFound, 'No such working group');
      }
      const certificates = await this.repository.forSubjects(
        m,
        workingGroupId,
        holders.map((h) => h.userId),
      );
      return { holders, certificates };
    });
  }

  async certify(actor: Actor, request: CertificateRequest): Promise<CertificateRow> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const subject = await this.repository.keyOwner(m, request.subjectUserId);
      if (!subject || subject.disabled)
        throw new KeysException(ErrorCode.NotFound, 'No such user');
      await this.assertMayIssue(m, actor, subject, request);
      const issuer = await this.repository.keyOwner(m, actor.userId);
      if (!issuer?.signingPublicKey || !subject.signingPublicKey) {
        throw new KeysException(
          ErrorCode.SigningKeyMissing,
          'Both accounts need a signing key before a certificate',
        );
      }
      const body = decodeBody(request.body);
      assertSays(body, actor, request);
      if (body.organisationId !== (subject.organisationId ?? '')) {
        throw new KeysException(
          ErrorCode.CertificateInvalid,
          "The certificate names another organisation than the subject's",
        );
      }
      if (
        body.encryptionPublicKey !== b64(subject.encryptionPublicKey) ||
        body.signingPublicKey !== b64(subject.signingPublicKey)
      ) {
        throw new KeysException(
          ErrorCode.CertificateKeyMismatch,
          "The certificate does not hold the subject's current keys",
        );
      }
      if (!verifyCertificate(request, issuer.signingPublicKey)) {
        throw new KeysException(
          ErrorCode.CertificateSignatureInvalid,
          'The signature does not verify under your signing key',
        );
      }
      const stored = await this.repository.upsert(m, {
        kind: request.kind,
        workingGroupId: request.workingGroupId,
        subjectUserId: subject.userId,
        subjectOrganisationId: subject.organisationId,
        issuerUserId: actor.userId,
        body: Buffer.from(request.body),
        signature: Buffer.from(request.signature),
      });
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId: request.workingGroupId,
        action: 'keys.certify',
        subjectType: 'user',
        subjectId: subject.userId,
        change: {
          kind: request.kind,
          workingGroupId: request.workingGroupId,
          subjectUserId: subject.userId,
          certificateId: stored.id,
        },
      });
      // The subject learns who vouched for their keys (addressed to them, so written with owner rights).
      await withOwnerRights(m, () =>
        this.notifications.notify(m, {
          recipientUserId: subject.userId,
          workingGroupId: request.workingGroupId,
          kind: 'keys.certified',
          payload: { kind: request.kind, issuerUserId: actor.userId },
        }),
      );
      return stored;
    });
  }

  /**
   * The caller refuses the copy of K_group it was given (it did not match the
   * epoch commitment, or its sender is not trusted): the hub forgets it so an
   * honest holder can seal a new one, and tells the coordinators.
   */
  async rejectGrant(actor: Actor, workingGroupId: string, epoch: number): Promise<boolean> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const deleted = await this.keys.deleteGrant(m, workingGroupId, epoch, actor.userId);
      if (!deleted) throw new KeysException(ErrorCode.NotFound, 'You hold no copy of that key epoch');
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId,
        action: 'keys.grant_rejected',
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: { epoch, sealedBy: deleted.grantedBy },
      });
      await withOwnerRights(m, () =>
        this.notifications.notifyCoordinators(m, workingGroupId, 'keys.grant_rejected', {
          epoch,
          userId: actor.userId,
          sealedBy: deleted.grantedBy,
        }),
      );
      return true;
    });
  }

  /**
   * Who may vouch for whom (the clients check the same chain again):
   * - member: an org admin, for a key-holding user of their own organisation;
   * - org_admin (group W): a coordinator of W, for an org admin of an active member of W;
   * - coordinator (group W): a coordinator of W, for another coordinator of W.
   * A subject the caller may not see is reported as not found.
   */
  private async assertMayIssue(
    m: EntityManager,
    actor: Actor,
    subject: KeyOwner,
    request: CertificateRequest,
  ): Promise<void> {
    const forbid = (message: string): never => {
      throw new KeysException(ErrorCode.Forbidden, message);
    };
    if (subject.userId === actor.userId) forbid('Nobody certifies their own keys');
    const wg = request.workingGroupId;
    if (request.kind === 'member') {
      if (wg !== null) {
        throw new KeysException(ErrorCode.BadUserInput, 'A member certificate has no working group');
      }
      if (!actor.organisationId || subject.organisationId !== actor.organisationId) {
        throw new KeysException(ErrorCode.NotFound, 'No such user');
      }
      if (actor.role !== 'org_admin') forbid('Only an admin of the organisation certifies its members');
      if (subject.role !== 'org_admin' && subject.role !== 'investigator') {
        forbid('Only admins and investigators hold the group key');
      }
      return;
    }
    if (wg === null) {
      throw new KeysException(ErrorCode.BadUserInput, 'This certificate is for a working group');
    }
    if (!(await this.repository.isCoordinator(m, wg, actor.userId))) {
      forbid('Only a coordinator of the group issues this certificate');
    }
    if (request.kind === 'coordinator') {
      if (!(await this.repository.isCoordinator(m, wg, subject.userId))) {
        forbid('The subject does not coordinate this group');
      }
      return;
    }
    if (
      subject.role !== 'org_admin' ||
      !subject.organisationId ||
      !(await this.repository.isActiveMember(m, wg, subject.organisationId))
    ) {
      forbid('The subject is not an admin of a member organisation of this group');
    }
  }
}

function decodeBody(bytes: Uint8Array): CertificateBody {
  try {
    return decodeCertificateBody(bytes);
  } catch (e) {
    if (e instanceof CertificateFormatError) {
      throw new KeysException(ErrorCode.CertificateInvalid, 'The certificate body is malformed');
    }
    throw e;
  }
}

/** The body must say what the request says, with the caller as issuer (no forged issuer). */
function assertSays(body: CertificateBody, actor: Actor, request: CertificateRequest): void {
  if (
    body.kind !== request.kind ||
    body.workingGroupId !== request.workingGroupId ||
    body.subjectUserId !== request.subjectUserId ||
    body.issuerUserId !== actor.userId
  ) {
    throw new KeysException(
      ErrorCode.CertificateInvalid,
      'The certificate body does not match the request',
    );
  }
}
