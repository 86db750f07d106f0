import { Injectable } from '@nestjs/common';
import { defineAbilityFor, subject, type Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, assertMay, readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { UsersService } from '../users/users.service.js';
import type { Membership, WorkingGroup } from './models/working-group.model.js';
import type { WorkingGroupEntity } from './working-group.entity.js';
import { WorkingGroupsException } from './working-groups.exception.js';
import { toWorkingGroup, WorkingGroupsRepository } from './working-groups.repository.js';

@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: WorkingGroupsRepository,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  async create(actor: Actor, name: string, description: string): Promise<WorkingGroupEntity> {
    assertMay(actor, 'create', 'WorkingGroup', { id: '*' });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const clean = name.trim();
      if (!clean)
        throw new WorkingGroupsException(ErrorCode.BadUserInput, 'Enter a name', { field: 'name' });
      if (await this.repository.nameTaken(m, clean)) {
        throw new WorkingGroupsException(
          ErrorCode.NameTaken,
          'A working group with this name exists',
          { field: 'name' },
        );
      }
      const wg = await this.repository.insert(m, clean, description.trim());
      await this.record(m, actor, wg.id, 'working_group.create', 'working_group', wg.id, {
        name: clean,
      });
      return wg;
    });
  }

  async list(actor: Actor): Promise<WorkingGroupEntity[]> {
    const ids = actor.isPlatformAdmin
      ? null
      : [...new Set([...actor.memberOf, ...actor.donorOf, ...actor.coordinatorOf])];
    const rows = await runAsTenant(this.dataSource, actor, (m) => this.repository.list(m, ids));
    return readable(actor, 'WorkingGroup', rows);
  }

  async get(actor: Actor, id: string): Promise<WorkingGroup> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const wg = await this.repository.findById(m, id);
      assertCan(actor, 'read', 'WorkingGroup', wg);
      const ability = defineAbilityFor(actor);
      const members = (await this.repository.members(m, id)).filter((ms) =>
        ability.can(
          'read',
          subject('Membership', { workingGroupId: id, organisationId: ms.organisation.id }),
        ),
      );
      const coordinators = await this.repository.coordinators(m, id);
      const donors = ability.can(
        'read',
        subject('Donor', { workingGroupId: id, organisationId: '*' }),
      )
        ? await this.repository.donors(m, id)
        : [];
      return toWorkingGroup(wg, { members, coordinators, donors });
    });
  }

  /** Working-group invitations waiting for the caller's organisation (its admins answer them). */
  async pendingForMyOrganisation(actor: Actor): Promise<Membership[]> {
    const organisationId = actor.organisationId;
    if (!organisationId) return [];
    return runAsTenant(this.dataSource, actor, (m) =>
      this.repository.invitationsFor(m, organisationId),
    );
  }

  async inviteOrganisation(
    actor: Actor,
    workingGroupId: string,
    organisationId: string,
  ): Promise<Membership> {
    assertMay(actor, 'invite', 'Membership', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const org = await this.organisations.findById(m, organisationId);
      if (!org) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such organisation');
      if (org.kind !== 'cso') {
        throw new WorkingGroupsException(
          ErrorCode.BadUserInput,
          'Only civil-society organisations can be members; add donors as donors',
        );
      }
      const status = await this.repository.lockMembershipStatus(m, workingGroupId, organisationId);
      if (status !== null && status !== 'left') {
        throw new WorkingGroupsException(
          ErrorCode.AlreadyMember,
          'This organisation is already invited or a member',
        );
      }
      await this.repository.invite(m, workingGroupId, organisationId);
      await this.record(
        m,
        actor,
        workingGroupId,
        'working_group.invite_organisation',
        'organisation',
        organisationId,
        { organisationId },
      );
      return this.membership(m, workingGroupId, organisationId);
    });
  }

  async respond(actor: Actor, workingGroupId: string, accept: boolean): Promise<Membership> {
    const organisationId = actor.organisationId ?? '';
    assertMay(actor, 'respond', 'Membership', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      if (
        (await this.repository.lockMembershipStatus(m, workingGroupId, organisationId)) !==
        'invited'
      ) {
        throw new WorkingGroupsException(
          ErrorCode.NotFound,
          'No pending invitation from this working group',
        );
      }
      if (accept) await this.repository.markJoined(m, workingGroupId, organisationId);
      else await this.repository.markLeft(m, workingGroupId, organisationId);
      await this.record(
        m,
        actor,
        workingGroupId,
        accept ? 'working_group.join' : 'working_group.decline',
        'organisation',
        organisationId,
        {
          organisationId,
          accept,
        },
      );
      return this.membership(m, workingGroupId, organisationId);
    });
  }

  async removeOrganisation(
    actor: Actor,
    workingGroupId: string,
    organisationId: string,
  ): Promise<Membership> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const current = await this.repository.membership(m, workingGroupId, organisationId);
      assertCan(actor, 'delete', 'Membership', current ? { workingGroupId, organisationId } : null);
      await this.repository.markLeft(m, workingGroupId, organisationId);
      await this.record(
        m,
        actor,
        workingGroupId,
        'working_group.remove_organisation',
        'organisation',
        organisationId,
        { organisationId },
      );
      return this.membership(m, workingGroupId, organisationId);
    });
  }

  async appointCoordinator(
    actor: Actor,
    workingGroupId: string,
    userId: string,
  ): Promise<WorkingGroup> {
    assertMay(actor, 'create', 'Coordinator', { workingGroupId, userId });
    await runAsTenant(this.dataSource, actor, async (m) => {
      if (!(await this.repository.findById(m, workingGroupId))) {
        throw new WorkingGroupsException(ErrorCode.NotFound, 'No such working group');
      }
      const user = await this.users.findById(m, userId);
      if (!user || user.disabledAt)
        throw new WorkingGroupsException(ErrorCode.NotFound, 'No such user');
      if (user.isPlatformAdmin) {
        throw new WorkingGroupsException(
          ErrorCode.BadUserInput,
          'Platform admins see no case data and cannot coordinate',
        );
      }
      if (await this.repository.addCoordinator(m, workingGroupId, userId)) {
        await this.record(
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
    return this.get(
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
      await this.record(
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
        await this.record(
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
      await this.record(
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

  /** For another module's transaction (e.g. an invitation's preview); that module applies the policy. */
  findById(m: EntityManager, id: string): Promise<WorkingGroupEntity | null> {
    return this.repository.findById(m, id);
  }

  /** Locks the group's row until the caller's transaction ends (e.g. a key rotation); false when there is none. */
  lockById(m: EntityManager, id: string): Promise<boolean> {
    return this.repository.lockById(m, id);
  }

  /**
   * A coordinator named by an invitation, at sign-up, in the sign-up's
   * transaction (the platform admin who invited was allowed to appoint).
   * The caller writes the audit entry, which names the invitation.
   */
  addCoordinatorOnSignUp(
    m: EntityManager,
    workingGroupId: string,
    userId: string,
  ): Promise<boolean> {
    return this.repository.addCoordinator(m, workingGroupId, userId);
  }

  private async membership(m: EntityManager, wg: string, org: string): Promise<Membership> {
    const ms = await this.repository.membership(m, wg, org);
    if (!ms) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such membership');
    return ms;
  }

  /** Entries about an organisation's membership are filed under that organisation, so its admins see them. */
  private record(
    m: EntityManager,
    actor: Actor,
    wg: string,
    action: string,
    subjectType: string,
    subjectId: string,
    change: object,
  ) {
    return this.audit.record(m, {
      actorUserId: actor.userId,
      organisationId: subjectType === 'organisation' ? subjectId : actor.organisationId,
      workingGroupId: wg,
      action,
      subjectType,
      subjectId,
      change,
    });
  }
}
