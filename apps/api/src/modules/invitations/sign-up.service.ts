import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@parallax/domain';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { hashLoginKey } from '../../common/crypto/login-verifier.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionService } from '../auth/session.service.js';
import { matchingStep, totpFor, TotpService } from '../auth/totp.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { normaliseEmail, UsersService } from '../users/users.service.js';
import { WorkingGroupRolesService } from '../working-groups/working-group-roles.service.js';
import { recordInvitationChange } from './invitations.audit.js';
import { InvitationsException } from './invitations.exception.js';
import { InvitationsRepository } from './invitations.repository.js';
import {
  INVALID_LINK,
  InvitationsService,
  type InvitationPreviewData,
  type SignUpCredentials,
} from './invitations.service.js';

/** The one-time value a sign-up attempt is bound to, as the hub stores it. */
export function attemptHash(attempt: string): Buffer {
  return createHash('sha256').update(attempt, 'utf8').digest();
}

function sameAttempt(stored: Buffer | null, attempt: string): boolean {
  return stored !== null && timingSafeEqual(stored, attemptHash(attempt));
}

/** Using an invitation or reset link: authenticator enrolment, then the account and its first session. */
@Injectable()
export class SignUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly totp: TotpService,
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationsService,
    private readonly workingGroupRoles: WorkingGroupRolesService,
    private readonly repository: InvitationsRepository,
  ) {}

  /**
   * Offers a fresh TOTP secret to one sign-up attempt: `attempt` is a random
   * value the invitee's browser made and keeps, and `completeSignUp` must
   * present it. The same attempt gets the same secret back (a retry); any
   * other caller — the inviter opening the link too — gets a new secret and
   * supersedes the earlier attempt, so nobody but the browser that finishes
   * the sign-up ever saw the secret its account ends up with.
   */
  async startSignUp(
    token: string,
    attempt: string,
  ): Promise<InvitationPreviewData & { totpSecret: string; otpauthUri: string }> {
    return this.dataSource.transaction(async (m) => {
      const data = await this.invitations.loadValid(m, token, true);
      const { invitation } = data;
      const hash = attemptHash(attempt);
      let secret: Buffer;
      if (invitation.pendingTotpSecret && sameAttempt(invitation.signUpAttemptHash, attempt)) {
        secret = this.totp.openPending(invitation.pendingTotpSecret, invitation.id, hash.toString('hex'));
      } else {
        secret = randomBytes(20);
        await this.repository.setSignUpAttempt(
          m,
          invitation.id,
          hash,
          this.totp.sealPending(secret, invitation.id, hash.toString('hex')),
        );
        await recordInvitationChange(this.audit, m, null, invitation, 'invitation.start_sign_up', {
          supersededAttempt: invitation.signUpAttemptHash !== null,
        });
      }
      const totp = totpFor(secret, invitation.email ?? data.organisationName);
      return { ...data, totpSecret: totp.secret.base32, otpauthUri: totp.toString() };
    });
  }

  /**
   * Creates the account (or, for a reset, replaces its credentials and keys),
   * consumes the link and signs the new user in — all in one transaction with
   * its audit entries.
   */
  async completeSignUp(
    token: string,
    input: SignUpCredentials,
    userAgent: string | undefined,
    res: Response,
  ): Promise<UserEntity> {
    const verifier = await hashLoginKey(input.loginKey);
    return this.dataSource.transaction(async (m) => {
      const { invitation } = await this.invitations.loadValid(m, token, true);
      if (!invitation.pendingTotpSecret || !sameAttempt(invitation.signUpAttemptHash, input.signUpAttempt)) {
        throw new InvitationsException(
          ErrorCode.BadUserInput,
          'This sign-up was not started here, or was started again elsewhere: start again and enrol the new authenticator secret',
          { field: 'signUpAttempt' },
        );
      }
      const email = normaliseEmail(input.email);
      if (invitation.email && invitation.email !== email) {
        throw new InvitationsException(
          ErrorCode.BadUserInput,
          'This invitation is for another e-mail address',
          { field: 'email' },
        );
      }
      const secret = this.totp.openPending(
        invitation.pendingTotpSecret,
        invitation.id,
        attemptHash(input.signUpAttempt).toString('hex'),
      );
      const step = matchingStep(secret, input.totpCode);
      if (step === null) {
        throw new InvitationsException(
          ErrorCode.BadUserInput,
          'The authenticator code is wrong; check the clock of your phone',
          { field: 'totpCode' },
        );
      }
      let user: UserEntity;
      if (invitation.purpose === 'reset' && invitation.userId) {
        const existing = await this.users.findById(m, invitation.userId);
        if (!existing) throw new InvitationsException(ErrorCode.NotFound, INVALID_LINK);
        user = existing;
        const forgotten = await this.users.replaceCredentials(m, user.id, {
          kdfSalt: input.kdfSalt,
          kdfParams: input.kdfParams,
          loginVerifier: verifier,
          publicKey: input.publicKey,
          encryptedPrivateKey: input.encryptedPrivateKey,
          signingPublicKey: input.signingPublicKey,
          encryptedSigningKey: input.encryptedSigningKey,
          sealedTotpSecret: this.totp.seal(secret, user.id),
          totpStep: step,
        });
        await this.sessions.revokeAllOf(m, user.id);
        await recordInvitationChange(this.audit, m, null, invitation, 'user.reset_credentials', {
          userId: user.id,
          newPublicKey: true,
          // Grants and certificates bound to the old keys are gone: re-certify, then re-seal.
          ...forgotten,
        });
      } else {
        user = await this.users.insertAccount(
          m,
          {
            ...input,
            email,
            membership: { organisationId: invitation.organisationId, role: invitation.role },
          },
          (id) => this.totp.seal(secret, id),
          null,
        );
        await this.users.recordTotpStep(m, user.id, step);
        if (invitation.coordinatorOf) {
          await this.workingGroupRoles.addCoordinatorOnSignUp(
            m,
            invitation.coordinatorOf,
            user.id,
            invitation.organisationId,
          );
          await this.audit.record(m, {
            actorUserId: invitation.createdBy,
            workingGroupId: invitation.coordinatorOf,
            action: 'working_group.add_coordinator',
            subjectType: 'user',
            subjectId: user.id,
            change: { userId: user.id, viaInvitation: invitation.id },
          });
        }
      }
      await this.repository.markUsed(m, invitation.id, new Date());
      await recordInvitationChange(this.audit, m, null, invitation, 'invitation.use', {
        userId: user.id,
      });
      const session = await this.sessions.open(m, user.id, userAgent, res);
      await this.audit.record(m, {
        actorUserId: user.id,
        organisationId: user.organisationId,
        action: 'auth.login',
        subjectType: 'session',
        subjectId: session.id,
        change: { sessionId: session.id, viaInvitation: invitation.id },
      });
      return user;
    });
  }
}
