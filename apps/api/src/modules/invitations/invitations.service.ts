import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, assertMay, readable } from '../../common/authorization/policy.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { UserRole } from '../users/user.entity.js';
import {
  normaliseEmail,
  UsersService,
  type NewAccountCredentials,
} from '../users/users.service.js';
import { hashToken, newToken } from '../auth/session-token.js';
import { recordInvitationChange } from './invitations.audit.js';
import { WorkingGroupRolesService } from '../working-groups/working-group-roles.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type { InvitationEntity } from './invitation.entity.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsException } from './invitations.exception.js';

export const INVALID_LINK = 'This invitation link is invalid, used or expired. Ask for a new one.';

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

export type SignUpCredentials = Omit<NewAccountCredentials, 'membership'> & {
  totpCode: string;
  /** The one-time value the invitee's browser gave `startSignUp`. */
  signUpAttempt: string;
};

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly workingGroups: WorkingGroupsService,
    private readonly roles: WorkingGroupRolesService,
    private readonly repository: InvitationsRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async create(
    actor: Actor,
    input: NewInvitation,
  ): Promise<{ invitation: InvitationEntity; token: string }> {
    // Cheap refusal before any read; the full rule (which needs the organisation's state) follows.
    assertMay(actor, 'create', 'Invitation', {
      id: '*',
      organisationId: input.organisationId,
      role: input.role,
      organisationHasUsers: false,
    });
    const email = input.email ? normaliseEmail(input.email) : null;
    return runAsTenant(this.dataSource, actor, async (m) => {
      if (!(await this.organisations.findById(m, input.organisationId))) {
        throw new InvitationsException(ErrorCode.NotFound, 'No such organisation');
      }
      // A platform admin invites an organisation's first admin, never anyone into one that has people.
      assertMay(actor, 'create', 'Invitation', {
        id: '*',
        organisationId: input.organisationId,
        role: input.role,
        organisationHasUsers: await this.users.organisationHasUsers(m, input.organisationId),
      });
      const wg = input.coordinatorOfWorkingGroupId;
      if (wg) {
        if (!(await this.workingGroups.lockById(m, wg))) {
          throw new InvitationsException(ErrorCode.NotFound, 'No such working group');
        }
        assertMay(actor, 'appoint', 'WorkingGroup', {
          id: wg,
          hasCoordinators: await this.roles.hasCoordinators(m, wg),
        });
        await this.roles.assertMayCoordinate(m, wg, input.organisationId);
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
      await recordInvitationChange(this.audit, m, actor, invitation, 'invitation.create', {
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
      await recordInvitationChange(this.audit, m, actor, invitation, 'invitation.create_reset', {
        userId: user.id,
      });
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
      const found = await this.repository.findById(m, id, { lock: true });
      const inv = found && {
        ...found,
        organisationHasUsers: await this.users.organisationHasUsers(m, found.organisationId),
      };
      assertCan(actor, 'delete', 'Invitation', inv);
      if (inv.usedAt || inv.revokedAt) return inv;
      const revokedAt = new Date();
      await this.repository.markRevoked(m, id, revokedAt);
      await recordInvitationChange(this.audit, m, actor, inv, 'invitation.revoke', {});
      return { ...inv, revokedAt };
    });
  }

  async preview(token: string): Promise<InvitationPreviewData> {
    return this.dataSource.transaction((m) => this.loadValid(m, token, false));
  }

  private expiry(): Date {
    return new Date(Date.now() + this.runtime.config.INVITATION_TTL_HOURS * 3_600_000);
  }

  /**
   * A platform admin invites only an organisation's first admin: once anyone
   * has an account there, the platform admin's other links are void, so a
   * spare link kept back cannot plant an account later.
   */
  private async spentFirstAdminLink(m: EntityManager, invitation: InvitationEntity): Promise<boolean> {
    if (invitation.purpose !== 'sign_up' || !invitation.createdBy) return false;
    const creator = await this.users.findById(m, invitation.createdBy);
    return (
      creator?.isPlatformAdmin === true &&
      (await this.users.organisationHasUsers(m, invitation.organisationId))
    );
  }

  /** The invitation behind a link, if the link may still be used; locked for the caller's transaction when asked. */
  async loadValid(m: EntityManager, token: string, lock: boolean): Promise<InvitationPreviewData> {
    const invitation = await this.repository.findByTokenHash(m, hashToken(token), { lock });
    if (
      !invitation ||
      invitation.usedAt ||
      invitation.revokedAt ||
      invitation.expiresAt <= new Date()
    ) {
      throw new InvitationsException(ErrorCode.NotFound, INVALID_LINK);
    }
    if (await this.spentFirstAdminLink(m, invitation)) {
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
}
