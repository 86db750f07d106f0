import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { IsNull, Not, type EntityManager } from 'typeorm';
import type { SessionInfo } from './models/session-info.model.js';
import { SessionEntity } from './session.entity.js';

export type NewSession = Omit<SessionEntity, 'id'>;

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

export function toSessionInfo(s: SessionEntity, currentSessionId: string): SessionInfo {
  return {
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
    current: s.id === currentSessionId,
  };
}

function toActor(r: ActorRow): Actor {
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

/** Sessions (`user_session`), and the policy inputs of a user. */
@Injectable()
export class AuthRepository {
  /**
   * The actor behind a user, or null when unknown or disabled. It reads the
   * users, organisations and working-group tables in one query on purpose:
   * it runs on every authenticated request, before any module's service.
   */
  async loadActor(m: EntityManager, userId: string): Promise<Actor | null> {
    const [r] = await m.query<ActorRow[]>(
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
    return r && !r.disabled_at ? toActor(r) : null;
  }

  insertSession(m: EntityManager, session: NewSession): Promise<SessionEntity> {
    return m.save(m.create(SessionEntity, session));
  }

  /** Not revoked; whether it expired is the caller's rule. */
  findLiveSessionByTokenHash(m: EntityManager, tokenHash: Buffer): Promise<SessionEntity | null> {
    return m.getRepository(SessionEntity).findOne({ where: { tokenHash, revokedAt: IsNull() } });
  }

  listLiveSessions(m: EntityManager, userId: string): Promise<SessionEntity[]> {
    return m
      .getRepository(SessionEntity)
      .find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  async touchSession(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(SessionEntity, { id }, { lastSeenAt: at });
  }

  async markSteppedUp(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.update(SessionEntity, { id }, { stepUpAt: at });
  }

  /** Revokes one live session of the user; false when there is none with that id. */
  async revokeSession(m: EntityManager, userId: string, sessionId: string): Promise<boolean> {
    const result = await m.update(
      SessionEntity,
      { id: sessionId, userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return Boolean(result.affected);
  }

  async revokeOtherSessions(
    m: EntityManager,
    userId: string,
    keepSessionId: string,
  ): Promise<void> {
    await m.update(
      SessionEntity,
      { userId, id: Not(keepSessionId), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /**
   * Every live session of a user. Sessions are their owner's own under
   * row-level security, so an admin's tenant transaction revokes them
   * through a narrow definer-rights function.
   */
  async revokeAllSessions(m: EntityManager, userId: string): Promise<void> {
    await m.query('SELECT revoke_user_sessions($1)', [userId]);
  }
}
