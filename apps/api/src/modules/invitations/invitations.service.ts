import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, assertMay, readable } from '../../common/authorization/policy.js';
import { hashLoginKey } from '../../common/crypto/login-verifier.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionService } from '../auth/session.service.js';
import { matchingStep, totpFor, TotpService } from '../auth/totp.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { UserEntity, UserRole } from '../users/user.entity.js';
import {
  normaliseEmail,
  UsersService,
  type NewAccountCredentials,
} from '../users/users.service.js';
import { hashToken, newToken } from '../auth/session-token.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type { InvitationEntity } from './invitation.entity.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsException } from './invitations.exception.js';

const INVALID_LINK = 'This invitation link is invalid, used or expired. Ask for a new one.';

export interface NewInvitation {
  organisationId: string;
  role: UserRole;
  email?: string | undefined;
  coordinatorOfWorkingGroupId?: string | undefined;
}

export interface InvitationPreviewData {
  invitation: InvitationEntity;
  organisationName: string;
  coordinatorOfWorkingGroupName: string | null;
}

export type SignUpCredentials = Omit<NewAccountCredentials, 'membership'> & { totpCode: string };

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly totp: TotpService,
    private readonly users: UsersService,
    private readonly sessions: SessionService,
    private readonly organisations: OrganisationsService,
    private readonly workingGroups: WorkingGroupsService,
    private readonly repository: InvitationsRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async create(
    actor: Actor,
    input: NewInvitation,
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    assertMay(actor, 'create', 'Invitation', { id: '*', organisationId: input.organisationId });
    if (input.coordinatorOfWorkingGroupId) {
      assertMay(actor, 'appoint', 'WorkingGroup', { id: input.coordinatorOfWorkingGroupId });
    }
    const email = input.email ? normaliseEmail(input.email) : null;
    return runAsTenant(this.dataSource, actor, async (m) => {
      if (!(await this.organisations.findById(m, input.organisationId))) {
        throw new InvitationsException(ErrorCode.NotFound, 'No such organisation');
      }
      if (
        input.coordinatorOfWorkingGroupId &&
        !(await this.workingGroups.findById(m, input.coordinatorOfWorkingGroupId))
      ) {
        throw new InvitationsException(ErrorCode.NotFound, 'No such working group');
      }
      const { token, hash } = newToken();
      const invitation = await this.repository.insert(m, {
        tokenHash: hash,
        purpose: 'sign_up',
        organisationId: input.organisationId,
        role: input.role,
        email,
        userId: null,
        coordinatorOf: input.coordinatorOfWorkingGroupId ?? null,
        createdBy: actor.userId,
        expiresAt: this.expiry(),
      });
      await this.record(m, actor, invitation, 'invitation.create', {
        role: input.role,
        email,
        coordinatorOf: invitation.coordinatorOf,
      });
      return { invitation, token };
    });
  }

  /** An org admin lets a member who lost their password start again (new keys, new authenticator). */
  async createReset(
    actor: Actor,
    userId: string,
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const user = await this.users.findById(m, userId);
      assertCan(actor, 'update', 'User', user);
      if (!user.organisationId || !user.role || user.id === actor.userId) {
        throw new InvitationsException(
          ErrorCode.BadUserInput,
          'Another admin of your organisation must reset your access',
        );
      }
      const { token, hash } = newToken();
      const invitation = await this.repository.insert(m, {
        tokenHash: hash,
        purpose: 'reset',
        organisationId: user.organisationId,
        role: user.role,
        email: user.email,
        userId: user.id,
        coordinatorOf: null,
        createdBy: actor.userId,
        expiresAt: this.expiry(),
      });
      await this.record(m, actor, invitation, 'invitation.create_reset', { userId: user.id });
      return { invitation, token };
    });
  }

  async list(actor: Actor, organisationId: string): Promise<InvitationEntity[]> {
    const rows = await runAsTenant(this.dataSource, actor, (m) =>
      this.repository.listByOrganisation(m, organisationId),
    );
    return readable(actor, 'Invitation', rows);
  }

  async revoke(actor: Actor, id: string): Promise<InvitationEntity> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const inv = await this.repository.findById(m, id, { lock: true });
      assertCan(actor, 'delete', 'Invitation', inv);
      if (inv.usedAt || inv.revokedAt) return inv;
      const revokedAt = new Date();
      await this.repository.markRevoked(m, id, revokedAt);
      await this.record(m, actor, inv, 'invitation.revoke', {});
      return { ...inv, revokedAt };
    });
  }

  async preview(token: string): Promise<InvitationPreviewData> {
    return this.dataSource.transaction((m) => this.loadValid(m, token, false));
  }

  /** Offers the invitee a TOTP secret (the same one on every visit until used). */
  async startSignUp(
    token: string,
  ): Promise<InvitationPreviewData & { totpSecret: string; otpauthUri: string }> {
    return this.dataSource.transaction(async (m) => {
      const data = await this.loadValid(m, token, true);
      let secret: Buffer;
      if (data.invitation.pendingTotpSecret) {
        secret = this.totp.open(data.invitation.pendingTotpSecret);
      } else {
        secret = randomBytes(20);
        await this.repository.setPendingTotpSecret(m, data.invitation.id, this.totp.seal(secret));
        await this.record(m, null, data.invitation, 'invitation.start_sign_up', {});
      }
      const totp = totpFor(secret, data.invitation.email ?? data.organisationName);
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
      const { invitation } = await this.loadValid(m, token, true);
      if (!invitation.pendingTotpSecret) {
        throw new InvitationsException(
          ErrorCode.BadUserInput,
          'Start the sign-up first: enrol your authenticator',
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
      const secret = this.totp.open(invitation.pendingTotpSecret);
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
        await this.users.replaceCredentials(m, user.id, {
          kdfSalt: input.kdfSalt,
          kdfParams: input.kdfParams,
          loginVerifier: verifier,
          publicKey: input.publicKey,
          encryptedPrivateKey: input.encryptedPrivateKey,
          sealedTotpSecret: invitation.pendingTotpSecret,
          totpStep: step,
        });
        await this.sessions.revokeAllOf(m, user.id);
        await this.record(m, null, invitation, 'user.reset_credentials', {
          userId: user.id,
          newPublicKey: true,
        });
      } else {
        user = await this.users.insertAccount(
          m,
          {
            ...input,
            email,
            membership: { organisationId: invitation.organisationId, role: invitation.role },
          },
          invitation.pendingTotpSecret,
          null,
        );
        await this.users.recordTotpStep(m, user.id, step);
        if (invitation.coordinatorOf) {
          await this.workingGroups.addCoordinatorOnSignUp(m, invitation.coordinatorOf, user.id);
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
      await this.record(m, null, invitation, 'invitation.use', { userId: user.id });
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

  private expiry(): Date {
    return new Date(Date.now() + this.runtime.config.INVITATION_TTL_HOURS * 3_600_000);
  }

  private async loadValid(
    m: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<InvitationPreviewData> {
    const invitation = await this.repository.findByTokenHash(m, hashToken(token), { lock });
    if (
      !invitation ||
      invitation.usedAt ||
      invitation.revokedAt ||
      invitation.expiresAt <= new Date()
    ) {
      throw new InvitationsException(ErrorCode.NotFound, INVALID_LINK);
    }
    const org = await this.organisations.findById(m, invitation.organisationId);
    const wg = invitation.coordinatorOf
      ? await this.workingGroups.findById(m, invitation.coordinatorOf)
      : null;
    return {
      invitation,
      organisationName: org?.name ?? '',
      coordinatorOfWorkingGroupName: wg?.name ?? null,
    };
  }

  private record(
    m: EntityManager,
    actor: Actor | null,
    inv: InvitationEntity,
    action: string,
    change: object,
  ) {
    return this.audit.record(m, {
      actorUserId: actor?.userId ?? null,
      organisationId: inv.organisationId,
      workingGroupId: inv.coordinatorOf,
      action,
      subjectType: 'invitation',
      subjectId: inv.id,
      change: { invitationId: inv.id, ...change },
    });
  }
}
