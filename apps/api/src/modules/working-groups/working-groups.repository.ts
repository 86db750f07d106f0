import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Organisation } from '../organisations/models/organisation.model.js';
import type { Coordinator, Membership, WorkingGroup } from './models/working-group.model.js';
import { WorkingGroupEntity } from './working-group.entity.js';

export type MembershipStatus = Membership['status'];

interface MembershipRow {
  working_group_id: string;
  working_group_name: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: Organisation['kind'];
  organisation_created_at: Date;
  status: MembershipStatus;
  invited_at: Date;
  joined_at: Date | null;
}

interface CoordinatorRow {
  id: string;
  display_name: string;
  organisation_name: string | null;
}

interface OrganisationRow {
  id: string;
  name: string;
  kind: Organisation['kind'];
  created_at: Date;
}

// The membership, coordinator and donor lists join the organisation and
// user tables for names: one query per list instead of one per row.
const MEMBERSHIP_SELECT = `
  SELECT m.working_group_id, w.name AS working_group_name, m.organisation_id, o.name AS organisation_name,
         o.kind AS organisation_kind, o.created_at AS organisation_created_at, m.status, m.invited_at, m.joined_at
  FROM working_group_member m
  JOIN working_group w ON w.id = m.working_group_id
  JOIN organisation o ON o.id = m.organisation_id`;

export function toMembership(r: MembershipRow): Membership {
  return {
    workingGroupId: r.working_group_id,
    workingGroupName: r.working_group_name,
    organisation: {
      id: r.organisation_id,
      name: r.organisation_name,
      kind: r.organisation_kind,
      createdAt: r.organisation_created_at,
    },
    status: r.status,
    invitedAt: r.invited_at,
    joinedAt: r.joined_at,
  };
}

export function toCoordinator(r: CoordinatorRow): Coordinator {
  return { userId: r.id, displayName: r.display_name, organisationName: r.organisation_name };
}

function toDonor(r: OrganisationRow): Organisation {
  return { id: r.id, name: r.name, kind: r.kind, createdAt: r.created_at };
}

export function toWorkingGroup(
  e: WorkingGroupEntity,
  parts: Pick<WorkingGroup, 'members' | 'coordinators' | 'donors'>,
): WorkingGroup {
  return { id: e.id, name: e.name, description: e.description, createdAt: e.createdAt, ...parts };
}

/** Working groups and their member organisations, coordinators and donors. */
@Injectable()
export class WorkingGroupsRepository {
  findById(m: EntityManager, id: string): Promise<WorkingGroupEntity | null> {
    return m.getRepository(WorkingGroupEntity).findOneBy({ id });
  }

  /** Locks the group's row until the caller's transaction ends; false when there is no such group. */
  async lockById(m: EntityManager, id: string): Promise<boolean> {
    const rows = await m.query<unknown[]>('SELECT 1 FROM working_group WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    return rows.length > 0;
  }

  /** Every group (`ids` null), or those with the given ids, by name. */
  list(m: EntityManager, ids: readonly string[] | null): Promise<WorkingGroupEntity[]> {
    if (ids !== null && ids.length === 0) return Promise.resolve([]);
    return m.getRepository(WorkingGroupEntity).find({
      ...(ids === null ? {} : { where: { id: In([...ids]) } }),
      order: { name: 'ASC' },
    });
  }

  /** Names are unique regardless of case. */
  async nameTaken(m: EntityManager, name: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'SELECT 1 FROM working_group WHERE lower(name) = lower($1)',
      [name],
    );
    return rows.length > 0;
  }

  insert(m: EntityManager, name: string, description: string): Promise<WorkingGroupEntity> {
    return m.save(m.create(WorkingGroupEntity, { name, description }));
  }

  async members(m: EntityManager, workingGroupId: string): Promise<Membership[]> {
    const rows = await m.query<MembershipRow[]>(
      `${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 ORDER BY o.name`,
      [workingGroupId],
    );
    return rows.map(toMembership);
  }

  async invitationsFor(m: EntityManager, organisationId: string): Promise<Membership[]> {
    const rows = await m.query<MembershipRow[]>(
      `${MEMBERSHIP_SELECT} WHERE m.organisation_id = $1 AND m.status = 'invited' ORDER BY m.invited_at`,
      [organisationId],
    );
    return rows.map(toMembership);
  }

  async membership(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<Membership | null> {
    const [row] = await m.query<MembershipRow[]>(
      `${MEMBERSHIP_SELECT} WHERE m.working_group_id = $1 AND m.organisation_id = $2`,
      [workingGroupId, organisationId],
    );
    return row ? toMembership(row) : null;
  }

  /** The membership's status, its row locked until the caller's transaction ends; null when there is none. */
  async lockMembershipStatus(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<MembershipStatus | null> {
    const [row] = await m.query<Array<{ status: MembershipStatus }>>(
      'SELECT status FROM working_group_member WHERE working_group_id = $1 AND organisation_id = $2 FOR UPDATE',
      [workingGroupId, organisationId],
    );
    return row?.status ?? null;
  }

  /** A new invitation, or a fresh one for an organisation that left. */
  async invite(m: EntityManager, workingGroupId: string, organisationId: string): Promise<void> {
    await m.query(
      `INSERT INTO working_group_member (working_group_id, organisation_id, status, invited_at)
       VALUES ($1, $2, 'invited', now())
       ON CONFLICT (working_group_id, organisation_id)
       DO UPDATE SET status = 'invited', invited_at = now(), joined_at = NULL, left_at = NULL`,
      [workingGroupId, organisationId],
    );
  }

  async markJoined(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<void> {
    await m.query(
      `UPDATE working_group_member SET status = 'active', joined_at = now() WHERE working_group_id = $1 AND organisation_id = $2`,
      [workingGroupId, organisationId],
    );
  }

  async markLeft(m: EntityManager, workingGroupId: string, organisationId: string): Promise<void> {
    await m.query(
      `UPDATE working_group_member SET status = 'left', left_at = now() WHERE working_group_id = $1 AND organisation_id = $2`,
      [workingGroupId, organisationId],
    );
  }

  async coordinators(m: EntityManager, workingGroupId: string): Promise<Coordinator[]> {
    const rows = await m.query<CoordinatorRow[]>(
      `SELECT u.id, u.display_name, o.name AS organisation_name FROM working_group_coordinator c
       JOIN user_directory u ON u.id = c.user_id LEFT JOIN organisation o ON o.id = u.organisation_id
       WHERE c.working_group_id = $1 ORDER BY u.display_name`,
      [workingGroupId],
    );
    return rows.map(toCoordinator);
  }

  /** The coordinators' user ids, their rows locked until the caller's transaction ends. */
  async lockCoordinatorIds(m: EntityManager, workingGroupId: string): Promise<string[]> {
    const rows = await m.query<Array<{ user_id: string }>>(
      'SELECT user_id FROM working_group_coordinator WHERE working_group_id = $1 FOR UPDATE',
      [workingGroupId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Whether a user of the organisation coordinates the group. */
  async organisationCoordinates(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `SELECT 1 FROM working_group_coordinator c JOIN user_directory u ON u.id = c.user_id
       WHERE c.working_group_id = $1 AND u.organisation_id = $2 LIMIT 1`,
      [workingGroupId, organisationId],
    );
    return rows.length > 0;
  }

  /** False when the user already coordinates the group. */
  async addCoordinator(m: EntityManager, workingGroupId: string, userId: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [workingGroupId, userId],
    );
    return rows.length > 0;
  }

  async removeCoordinator(m: EntityManager, workingGroupId: string, userId: string): Promise<void> {
    await m.query(
      'DELETE FROM working_group_coordinator WHERE working_group_id = $1 AND user_id = $2',
      [workingGroupId, userId],
    );
  }

  async donors(m: EntityManager, workingGroupId: string): Promise<Organisation[]> {
    const rows = await m.query<OrganisationRow[]>(
      `SELECT o.id, o.name, o.kind, o.created_at FROM working_group_donor d
       JOIN organisation o ON o.id = d.organisation_id WHERE d.working_group_id = $1 ORDER BY o.name`,
      [workingGroupId],
    );
    return rows.map(toDonor);
  }

  /** False when the organisation already funds the group. */
  async addDonor(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'INSERT INTO working_group_donor (working_group_id, organisation_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
      [workingGroupId, organisationId],
    );
    return rows.length > 0;
  }

  /**
   * False when the organisation was not a donor. Counted through a CTE: for a
   * bare DELETE, TypeORM's query() returns [rows, rowCount], never empty.
   */
  async removeDonor(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<boolean> {
    const [row] = await m.query<Array<{ n: number }>>(
      `WITH removed AS (
         DELETE FROM working_group_donor WHERE working_group_id = $1 AND organisation_id = $2 RETURNING 1
       ) SELECT count(*)::int AS n FROM removed`,
      [workingGroupId, organisationId],
    );
    return (row?.n ?? 0) > 0;
  }
}
