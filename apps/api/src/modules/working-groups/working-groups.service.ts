import { Injectable } from '@nestjs/common';
import { defineAbilityFor, subject, type Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan, assertMay, readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import type { Coordinator, Membership, WorkingGroup } from './models/working-group.model.js';
import { WorkingGroupEntity } from './working-group.entity.js';
import { WorkingGroupsException } from './working-groups.exception.js';

interface MembershipRow {
  working_group_id: string;
  working_group_name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: 'cso' | 'donor' | 'secretariat';
  organisation_created_at: Date;
  status: 'invited' | 'active' | 'left';
  invited_at: Date;
  joined_at: Date | null;
}

const MEMBERSHIP_SELECT = `
  SELECT m.working_group_id, w.name AS working_group_name, m.organisation_id, o.name AS organisation_name,
         o.kind AS organisation_kind, o.created_at AS organisation_created_at, m.status, m.invited_at, m.joined_at
  FROM working_group_member m
  JOIN working_group w ON w.id = m.working_group_id
  JOIN organisation o ON o.id = m.organisation_id`;

function toMembership(r: MembershipRow): Membership {
  return {
    workingGroupId: r.working_group_id,
    workingGroupName: r.working_group_name,
    organisation: { id: r.organisation_id, name: r.organisation_name, kind: r.organisation_kind, createdAt: r.organisation_created_at },
    status: r.status,
    invitedAt: r.invited_at,
    joinedAt: r.joined_at,
  };
}

@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, name: string, description: string): Promise<WorkingGroupEntity> {
    assertMay(actor, 'create', 'WorkingGroup', { id: '*' });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const clean = name.trim();
      if (!clean) throw new WorkingGroupsException(ErrorCode.BadUserInput, 'Enter a name', { field: 'name' });
      const taken = await m.query('SELECT 1 FROM working_group WHERE lower(name) = lower($1)', [clean]);
      if (taken.length) throw new WorkingGroupsException(ErrorCode.Conflict, 'A working group with this name exists');
      const wg = await m.save(m.create(WorkingGroupEntity, { name: clean, description: description.trim() }));
      await this.record(m, actor, wg.id, 'working_group.create', 'working_group', wg.id, { name: clean });
      return wg;
    });
  }

  async list(actor: Actor): Promise<WorkingGroupEntity[]> {
    const ids = actor.isPlatformAdmin ? null : [...new Set([...actor.memberOf, ...actor.donorOf, ...actor.coordinatorOf])];
    const rows = await runAsTenant(this.dataSource, actor, (m) =>
      ids === null
        ? m.getRepository(WorkingGroupEntity).find({ order: { name: 'ASC' } })
        : ids.length === 0
          ? Promise.resolve([])
          : m.query('SELECT id, name, description, created_at AS "createdAt" FROM working_group WHERE id = ANY($1) ORDER BY name', [ids]),
    );
    return readable(actor, 'WorkingGroup', rows as WorkingGroupEntity[]);
  }

  async get(actor: Actor, id: string): Promise<WorkingGroup> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const wg = await m.getRepository(WorkingGroupEntity).findOneBy({ id });
      assertCan(actor, 'read', 'WorkingGroup', wg);
      const ability = defineAbilityFor(actor);
      const members = ((await m.query(`${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 ORDER BY o.name`, [id])) as MembershipRow[])
        .map(toMembership)
        .filter((ms) => ability.can('read', subject('Membership', { workingGroupId: id, organisationId: ms.organisation.id })));
      const coordinators: Coordinator[] = (
        (await m.query(
          `SELECT u.id, u.display_name, o.name AS organisation_name FROM working_group_coordinator c
           JOIN app_user u ON u.id = c.user_id LEFT JOIN organisation o ON o.id = u.organisation_id
           WHERE c.working_group_id = $1 ORDER BY u.display_name`,
          [id],
        )) as Array<{ id: string; display_name: string; organisation_name: string | null }>
      ).map((r) => ({ userId: r.id, displayName: r.display_name, organisationName: r.organisation_name }));
      const donors = ability.can('read', subject('Donor', { workingGroupId: id, organisationId: '*' }))
        ? ((await m.query(
            `SELECT o.id, o.name, o.kind, o.created_at AS "createdAt" FROM working_group_donor d
             JOIN organisation o ON o.id = d.organisation_id WHERE d.working_group_id = $1 ORDER BY o.name`,
            [id],
          )) as WorkingGroup['donors'])
        : [];
      return { ...(wg as WorkingGroupEntity), members, coordinators, donors };
    });
  }

  /** Working-group invitations waiting for the caller's organisation (its admins answer them). */
  async pendingForMyOrganisation(actor: Actor): Promise<Membership[]> {
    if (!actor.organisationId) return [];
    const rows = await runAsTenant(this.dataSource, actor, (m) =>
      m.query(`${MEMBERSHIP_SELECT} WHERE m.organisation_id = $1 AND m.status = 'invited' ORDER BY m.invited_at`, [
        actor.organisationId,
      ]),
    );
    return (rows as MembershipRow[]).map(toMembership);
  }

  async inviteOrganisation(actor: Actor, workingGroupId: string, organisationId: string): Promise<Membership> {
    assertMay(actor, 'invite', 'Membership', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const [org] = (await m.query('SELECT kind FROM organisation WHERE id = $1', [organisationId])) as Array<{ kind: string }>;
      if (!org) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such organisation');
      if (org.kind !== 'cso') {
        throw new WorkingGroupsException(ErrorCode.BadUserInput, 'Only civil-society organisations can be members; add donors as donors');
      }
      const existing = (await m.query(
        'SELECT status FROM working_group_member WHERE working_group_id = $1 AND organisation_id = $2 FOR UPDATE',
        [workingGroupId, organisationId],
      )) as Array<{ status: string }>;
      if (existing[0] && existing[0].status !== 'left') {
        throw new WorkingGroupsException(ErrorCode.Conflict, 'This organisation is already invited or a member');
      }
      await m.query(
        `INSERT INTO working_group_member (working_group_id, organisation_id, status, invited_at)
         VALUES ($1, $2, 'invited', now())
         ON CONFLICT (working_group_id, organisation_id)
         DO UPDATE SET status = 'invited', invited_at = now(), joined_at = NULL, left_at = NULL`,
        [workingGroupId, organisationId],
      );
      await this.record(m, actor, workingGroupId, 'working_group.invite_organisation', 'organisation', organisationId, { organisationId });
      return this.membership(m, workingGroupId, organisationId);
    });
  }

  async respond(actor: Actor, workingGroupId: string, accept: boolean): Promise<Membership> {
    const organisationId = actor.organisationId ?? '';
    assertMay(actor, 'respond', 'Membership', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const rows = (await m.query(
        `SELECT status FROM working_group_member WHERE working_group_id = $1 AND organisation_id = $2 FOR UPDATE`,
        [workingGroupId, organisationId],
      )) as Array<{ status: string }>;
      if (rows[0]?.status !== 'invited') {
        throw new WorkingGroupsException(ErrorCode.NotFound, 'No pending invitation from this working group');
      }
      await m.query(
        accept
          ? `UPDATE working_group_member SET status = 'active', joined_at = now() WHERE working_group_id = $1 AND organisation_id = $2`
          : `UPDATE working_group_member SET status = 'left', left_at = now() WHERE working_group_id = $1 AND organisation_id = $2`,
        [workingGroupId, organisationId],
      );
      await this.record(m, actor, workingGroupId, accept ? 'working_group.join' : 'working_group.decline', 'organisation', organisationId, {
        organisationId,
        accept,
      });
      return this.membership(m, workingGroupId, organisationId);
    });
  }

  async removeOrganisation(actor: Actor, workingGroupId: string, organisationId: string): Promise<Membership> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const current = await this.membershipOrNull(m, workingGroupId, organisationId);
      assertCan(actor, 'delete', 'Membership', current ? { workingGroupId, organisationId } : null);
      await m.query(
        `UPDATE working_group_member SET status = 'left', left_at = now() WHERE working_group_id = $1 AND organisation_id = $2`,
        [workingGroupId, organisationId],
      );
      await this.record(m, actor, workingGroupId, 'working_group.remove_organisation', 'organisation', organisationId, { organisationId });
      return this.membership(m, workingGroupId, organisationId);
    });
  }

  async appointCoordinator(actor: Actor, workingGroupId: string, userId: string): Promise<WorkingGroup> {
    assertMay(actor, 'create', 'Coordinator', { workingGroupId, userId });
    await runAsTenant(this.dataSource, actor, async (m) => {
      const wg = await m.query('SELECT 1 FROM working_group WHERE id = $1', [workingGroupId]);
      if (!wg.length) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such working group');
      const [user] = (await m.query('SELECT is_platform_admin, disabled_at FROM app_user WHERE id = $1', [userId])) as Array<{
        is_platform_admin: boolean;
        disabled_at: Date | null;
      }>;
      if (!user || user.disabled_at) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such user');
      if (user.is_platform_admin) {
        throw new WorkingGroupsException(ErrorCode.BadUserInput, 'Platform admins see no case data and cannot coordinate');
      }
      const added = await m.query(
        `INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [workingGroupId, userId],
      );
      if (added.length) await this.record(m, actor, workingGroupId, 'working_group.add_coordinator', 'user', userId, { userId });
    });
    return this.get(actor.isPlatformAdmin ? actor : { ...actor, coordinatorOf: [...actor.coordinatorOf] }, workingGroupId);
  }

  async removeCoordinator(actor: Actor, workingGroupId: string, userId: string): Promise<boolean> {
    assertMay(actor, 'delete', 'Coordinator', { workingGroupId, userId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const all = (await m.query('SELECT user_id FROM working_group_coordinator WHERE working_group_id = $1 FOR UPDATE', [
        workingGroupId,
      ])) as Array<{ user_id: string }>;
      if (!all.some((c) => c.user_id === userId)) throw new WorkingGroupsException(ErrorCode.NotFound, 'Not a coordinator');
      if (all.length <= 1) throw new WorkingGroupsException(ErrorCode.Conflict, 'A working group keeps at least one coordinator');
      await m.query('DELETE FROM working_group_coordinator WHERE working_group_id = $1 AND user_id = $2', [workingGroupId, userId]);
      await this.record(m, actor, workingGroupId, 'working_group.remove_coordinator', 'user', userId, { userId });
      return true;
    });
  }

  async addDonor(actor: Actor, workingGroupId: string, organisationId: string): Promise<boolean> {
    assertMay(actor, 'create', 'Donor', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const [org] = (await m.query('SELECT kind FROM organisation WHERE id = $1', [organisationId])) as Array<{ kind: string }>;
      if (!org) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such organisation');
      if (org.kind !== 'donor') throw new WorkingGroupsException(ErrorCode.BadUserInput, 'Only donor organisations can be donors');
      const added = await m.query(
        'INSERT INTO working_group_donor (working_group_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [workingGroupId, organisationId],
      );
      if (added.length) await this.record(m, actor, workingGroupId, 'working_group.add_donor', 'organisation', organisationId, { organisationId });
      return true;
    });
  }

  async removeDonor(actor: Actor, workingGroupId: string, organisationId: string): Promise<boolean> {
    assertMay(actor, 'delete', 'Donor', { workingGroupId, organisationId });
    return runAsTenant(this.dataSource, actor, async (m) => {
      const removed = await m.query(
        'DELETE FROM working_group_donor WHERE working_group_id = $1 AND organisation_id = $2 RETURNING 1',
        [workingGroupId, organisationId],
      );
      if (!removed.length) throw new WorkingGroupsException(ErrorCode.NotFound, 'Not a donor of this group');
      await this.record(m, actor, workingGroupId, 'working_group.remove_donor', 'organisation', organisationId, { organisationId });
      return true;
    });
  }

  private async membershipOrNull(m: EntityManager, wg: string, org: string): Promise<Membership | null> {
    const rows = (await m.query(`${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 AND m.organisation_id = $2`, [wg, org])) as MembershipRow[];
    return rows[0] ? toMembership(rows[0]) : null;
  }

  private async membership(m: EntityManager, wg: string, org: string): Promise<Membership> {
    const ms = await this.membershipOrNull(m, wg, org);
    if (!ms) throw new WorkingGroupsException(ErrorCode.NotFound, 'No such membership');
    return ms;
  }

  /** Entries about an organisation's membership are filed under that organisation, so its admins see them. */
  private record(m: EntityManager, actor: Actor, wg: string, action: string, subjectType: string, subjectId: string, change: object) {
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
