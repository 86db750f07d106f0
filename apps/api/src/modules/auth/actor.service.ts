import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';

interface ActorRow {
  id: string;
  is_platform_admin: boolean;
  organisation_id: string | null;
  organisation_kind: Actor['organisationKind'];
  role: Actor['role'];
  disabled_at: Date | null;
  coordinator_of: string[] | null;
  member_of: string[] | null;
  donor_of: string[] | null;
}

/** Resolves who a user is, for the policy, in one query. */
@Injectable()
export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  async load(userId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT u.id, u.is_platform_admin, u.organisation_id, o.kind AS organisation_kind, u.role, u.disabled_at,
         (SELECT array_agg(c.working_group_id) FROM working_group_coordinator c WHERE c.user_id = u.id) AS coordinator_of,
         (SELECT array_agg(m.working_group_id) FROM working_group_member m
            WHERE m.organisation_id = u.organisation_id AND m.status = 'active') AS member_of,
         (SELECT array_agg(d.working_group_id) FROM working_group_donor d
            WHERE d.organisation_id = u.organisation_id) AS donor_of
       FROM app_user u LEFT JOIN organisation o ON o.id = u.organisation_id
       WHERE u.id = $1`,
      [userId],
    );
    const r = rows[0];
    if (!r || r.disabled_at) return null;
    return {
      userId: r.id,
      isPlatformAdmin: r.is_platform_admin,
      organisationId: r.organisation_id,
      organisationKind: r.organisation_kind,
      role: r.role,
      coordinatorOf: r.coordinator_of ?? [],
      memberOf: r.member_of ?? [],
      donorOf: r.donor_of ?? [],
    };
  }
}
