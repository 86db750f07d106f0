import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, assertMay } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { CaseChangesService } from '../cases/case-changes.service.js';
import { ClusterFormationService } from '../clusters/cluster-formation.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { Membership } from './models/working-group.model.js';
import { recordGroupChange } from './working-groups.audit.js';
import { WorkingGroupsException } from './working-groups.exception.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';

/** Member organisations: invitation, answer, removal. */
@Injectable()
export class WorkingGroupMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: WorkingGroupsRepository,
    private readonly organisations: OrganisationsService,
    private readonly caseChanges: CaseChangesService,
    private readonly clusters: ClusterFormationService,
  ) {}

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
      // A coordinator sees which organisations overlap; a member organisation must not (issue 9, High 3).
      if (await this.repository.organisationCoordinates(m, workingGroupId, organisationId)) {
        throw new WorkingGroupsException(
          ErrorCode.CoordinatorFromMember,
          "One of this organisation's users coordinates the group, so it cannot be a member",
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
      await recordGroupChange(
        this.audit,
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
      if (accept) {
        await this.repository.markJoined(m, workingGroupId, organisationId);
        // Back in the group: cases frozen when it left are matched again.
        await this.caseChanges.unfreezeReturning(m, organisationId, workingGroupId);
      } else await this.repository.markLeft(m, workingGroupId, organisationId);
      await recordGroupChange(
        this.audit,
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
      // Its cases stop matching at once, and the key it holds must be replaced.
      const frozenCases = await this.caseChanges.freezeDeparted(m, organisationId, workingGroupId);
      // And out of its clusters in the group: the remaining parties' arrangements move on without it.
      await this.clusters.onOrganisationLeft(m, workingGroupId, organisationId, {
        userId: actor.userId,
        organisationId: actor.organisationId,
      });
      await recordGroupChange(
        this.audit,
        m,
        actor,
        workingGroupId,
        'working_group.remove_organisation',
        'organisation',
        organisationId,
        { organisationId, frozenCases },
      );
      return this.membership(m, workingGroupId, organisationId);
    });
  }

  private async membership(m: EntityManager, wg: string, org: string): Promise<Membership> {
    const ms = await this.repository.membership(m, wg, org);
    if (!ms) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such membership');
    return ms;
  }
}
