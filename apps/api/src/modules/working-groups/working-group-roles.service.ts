import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMay } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { UsersService } from '../users/users.service.js';
import type { WorkingGroup } from './models/working-group.model.js';
import { recordGroupChange } from './working-groups.audit.js';
import { WorkingGroupsException } from './working-groups.exception.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import { WorkingGroupsService } from './working-groups.service.js';

/** Who steers and who funds a group: its coordinators and donors. */
@Injectable()
export class WorkingGroupRolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: WorkingGroupsRepository,
    private readonly groups: WorkingGroupsService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  /** Whether the group has a coordinator yet (a platform admin may only appoint the first). */
  async hasCoordinators(m: EntityManager, workingGroupId: string): Promise<boolean> {
    return (await this.repository.lockCoordinatorIds(m, workingGroupId)).length > 0;
  }

  /**
   * Issue 9, High 3: a coordinator sees which organisations overlap (matrix,
   * clusters), so a coordinator comes from a secretariat that is not, and
   * was not invited to be, a member of the group.
   */
  async assertMayCoordinate(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string | null,
  ): Promise<void> {
    const org = organisationId ? await this.organisations.findById(m, organisationId) : null;
    const status = org
      ? await this.repository.lockMembershipStatus(m, workingGroupId, org.id)
      : null;
    if (!org || org.kind !== 'secretariat' || status === 'invited' || status === 'active') {
      throw new WorkingGroupsException(
        ErrorCode.CoordinatorFromMember,
        'A coordinator must come from a secretariat that is not a member of the group',
      );
    }
  }

  async appointCoordinator(
    actor: Actor,
    workingGroupId: string,
    userId: string,
  ): Promise<WorkingGroup> {
    await runAsTenant(this.dataSource, actor, async (m) => {
      // Locks the group so the "first coordinator" check cannot race another appointment.
      if (!(await this.repository.lockById(m, workingGroupId))) {
        assertMay(actor, 'create', 'Coordinator', { workingGroupId, userId });
        throw new WorkingGroupsException(ErrorCode.NotFound, 'No such working group');
      }
      assertMay(actor, 'create', 'Coordinator', {
        workingGroupId,
        userId,
        groupHasCoordinators: await this.hasCoordinators(m, workingGroupId),
      });
      const user = await this.users.findById(m, userId);
      if (!user || user.disabledAt)
        throw new WorkingGroupsException(ErrorCode.NotFound, 'No such user');
      if (user.isPlatformAdmin) {
        throw new WorkingGroupsException(
          ErrorCode.BadUserInput,
          'Platform admins see no case data and cannot coordinate',
        );
      }
      await this.assertMayCoordinate(m, workingGroupId, user.organisationId);
      if (await this.repository.addCoordinator(m, workingGroupId, userId)) {
        await recordGroupChange(
          this.audit,
          m,
          actor,
          workingGroupId,
          'working_group.add_coordinator',
          'user',
          userId,
          { userId },
        );
      }
    });
    return this.groups.get(
      actor.isPlatformAdmin ? actor : { ...actor, coordinatorOf: [...actor.coordinatorOf] },
      workingGroupId,
    );
  }

  async removeCoordinator(actor: Actor, workingGroupId: string, userId: string): Promise<boolean> {
    assertMay(actor, 'delete', 'Coordinator', { workingGroupId, userId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const all = await this.repository.lockCoordinatorIds(m, workingGroupId);
      if (!all.includes(userId))
        throw new WorkingGroupsException(ErrorCode.NotFound, 'Not a coordinator');
      if (all.length <= 1) {
        throw new WorkingGroupsException(
          ErrorCode.LastCoordinator,
          'A working group keeps at least one coordinator',
        );
      }
      await this.repository.removeCoordinator(m, workingGroupId, userId);
      await recordGroupChange(
        this.audit,
        m,
        actor,
        workingGroupId,
        'working_group.remove_coordinator',
        'user',
        userId,
        { userId },
      );
      return true;
    });
  }

  async addDonor(actor: Actor, workingGroupId: string, organisationId: string): Promise<boolean> {
    assertMay(actor, 'create', 'Donor', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const org = await this.organisations.findById(m, organisationId);
      if (!org) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such organisation');
      if (org.kind !== 'donor')
        throw new WorkingGroupsException(
          ErrorCode.BadUserInput,
          'Only donor organisations can be donors',
        );
      if (await this.repository.addDonor(m, workingGroupId, organisationId)) {
        await recordGroupChange(
          this.audit,
          m,
          actor,
          workingGroupId,
          'working_group.add_donor',
          'organisation',
          organisationId,
          { organisationId },
        );
      }
      return true;
    });
  }

  async removeDonor(
    actor: Actor,
    workingGroupId: string,
    organisationId: string,
  ): Promise<boolean> {
    assertMay(actor, 'delete', 'Donor', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      if (!(await this.repository.removeDonor(m, workingGroupId, organisationId))) {
        throw new WorkingGroupsException(ErrorCode.NotFound, 'Not a donor of this group');
      }
      await recordGroupChange(
        this.audit,
        m,
        actor,
        workingGroupId,
        'working_group.remove_donor',
        'organisation',
        organisationId,
        { organisationId },
      );
      return true;
    });
  }

  /**
   * A coordinator named by an invitation, at sign-up, in the sign-up's
   * transaction (the platform admin who invited was allowed to appoint).
   * The caller writes the audit entry, which names the invitation.
   */
  async addCoordinatorOnSignUp(
    m: EntityManager,
    workingGroupId: string,
    userId: string,
    organisationId: string,
  ): Promise<boolean> {
    // Checked again: the organisation may have joined the group since the invitation.
    await this.assertMayCoordinate(m, workingGroupId, organisationId);
    return this.repository.addCoordinator(m, workingGroupId, userId);
  }
}
