import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ELIGIBLE_HOLDER } from './keys.repository.js';

/** Someone who can unblock a waiting user, as the key directory already names them. */
export interface Unblocker {
  userId: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  role: string | null;
  isCoordinator: boolean;
}

/** The caller's own place and keys, to judge their certificates against. */
export interface Requester {
  userId: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  role: string | null;
  encryptionPublicKey: Buffer;
  signingPublicKey: Buffer | null;
}

/** A certificate about the caller that could make them trusted in the group. */
export interface OwnCertificate {
  kind: string;
  body: Buffer;
}

interface UnblockerRow {
  id: string;
  display_name: string;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string | null;
  is_coordinator: boolean;
}

/** Names, as the directory lists them: coordinators of the group, and the caller's own organisation only. */
const UNBLOCKER_COLUMNS = `u.id, u.display_name, u.organisation_id, o.name AS organisation_name, u.role::text AS role,
  EXISTS (SELECT 1 FROM working_group_coordinator c WHERE c.working_group_id = $1 AND c.user_id = u.id) AS is_coordinator`;

const toUnblocker = (r: UnblockerRow): Unblocker => ({
  userId: r.id,
  displayName: r.display_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  role: r.role,
  isCoordinator: r.is_coordinator,
});

/** What "who can unblock me" and "ask them" read: certificates, grants, admins and past requests. */
@Injectable()
export class KeyRequestsRepository {
  /** The caller, if they may hold the group's key (`ELIGIBLE_HOLDER`); null otherwise. */
  async requester(m: EntityManager, workingGroupId: string, userId: string): Promise<Requester | null> {
    const [row] = await m.query<
      Array<UnblockerRow & { public_key: Buffer; signing_public_key: Buffer | null }>
    >(
      `SELECT ${UNBLOCKER_COLUMNS}, u.public_key, u.signing_public_key
       FROM user_directory u LEFT JOIN organisation o ON o.id = u.organisation_id
       WHERE u.id = $2 AND ${ELIGIBLE_HOLDER}`,
      [workingGroupId, userId],
    );
    if (!row) return null;
    return {
      ...toUnblocker(row),
      encryptionPublicKey: row.public_key,
      signingPublicKey: row.signing_public_key,
    };
  }

  /** The caller's member certificates and org_admin certificates for this group. */
  async ownCertificates(
    m: EntityManager,
    workingGroupId: string,
    userId: string,
  ): Promise<OwnCertificate[]> {
    return m.query<OwnCertificate[]>(
      `SELECT kind::text AS kind, body FROM key_certificate
       WHERE subject_user_id = $2
         AND ((kind = 'member' AND working_group_id IS NULL) OR (kind = 'org_admin' AND working_group_id = $1))`,
      [workingGroupId, userId],
    );
  }

  /** The group's coordinators (they create the first key and certify org admins). */
  async coordinators(m: EntityManager, workingGroupId: string): Promise<Unblocker[]> {
    const rows = await m.query<UnblockerRow[]>(
      `SELECT ${UNBLOCKER_COLUMNS}
       FROM user_directory u LEFT JOIN organisation o ON o.id = u.organisation_id
       WHERE u.disabled_at IS NULL
         AND EXISTS (SELECT 1 FROM working_group_coordinator c WHERE c.working_group_id = $1 AND c.user_id = u.id)
       ORDER BY u.display_name, u.id`,
      [workingGroupId],
    );
    return rows.map(toUnblocker);
  }

  /** Active admins of the organisation, but `exceptUserId` (nobody certifies themselves). */
  async organisationAdmins(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
    exceptUserId: string,
  ): Promise<Unblocker[]> {
    const rows = await m.query<UnblockerRow[]>(
      `SELECT ${UNBLOCKER_COLUMNS}
       FROM user_directory u LEFT JOIN organisation o ON o.id = u.organisation_id
       WHERE u.disabled_at IS NULL AND u.role = 'org_admin' AND u.organisation_id = $2 AND u.id <> $3
       ORDER BY u.display_name, u.id`,
      [workingGroupId, organisationId, exceptUserId],
    );
    return rows.map(toUnblocker);
  }

  /**
   * Eligible holders of the epoch's key (they have a sealed copy) who are
   * coordinators or of the caller's organisation: an open app of any of them
   * shares the key. Other organisations' members are not named.
   */
  async keyHolders(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
    requester: { userId: string; organisationId: string | null },
  ): Promise<Unblocker[]> {
    const rows = await m.query<UnblockerRow[]>(
      `SELECT ${UNBLOCKER_COLUMNS}
       FROM user_directory u LEFT JOIN organisation o ON o.id = u.organisation_id
       WHERE ${ELIGIBLE_HOLDER} AND u.id <> $3
         AND EXISTS (SELECT 1 FROM group_key_grant g WHERE g.working_group_id = $1 AND g.epoch = $2 AND g.user_id = u.id)
         AND (u.organisation_id = $4
              OR EXISTS (SELECT 1 FROM working_group_coordinator c WHERE c.working_group_id = $1 AND c.user_id = u.id))
       ORDER BY u.display_name, u.id`,
      [workingGroupId, epoch, requester.userId, requester.organisationId],
    );
    return rows.map(toUnblocker);
  }

  /**
   * When the caller last asked for this group's key, from the audit log
   * (each request is audited, and a user reads their own entries): the log
   * is the record, so no table of its own to keep in step.
   */
  async lastRequestSince(
    m: EntityManager,
    workingGroupId: string,
    userId: string,
    action: string,
    since: Date,
  ): Promise<Date | null> {
    const [row] = await m.query<Array<{ occurred_at: Date }>>(
      `SELECT occurred_at FROM audit_log
       WHERE actor_user_id = $1 AND action = $2 AND subject_type = 'working_group' AND subject_id = $3
         AND occurred_at > $4
       ORDER BY occurred_at DESC LIMIT 1`,
      [userId, action, workingGroupId, since],
    );
    return row?.occurred_at ?? null;
  }

  /** Serialises one user's requests for one group until the transaction ends. */
  async lockRequests(m: EntityManager, workingGroupId: string, userId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `keys.access_requested/${userId}/${workingGroupId}`,
    ]);
  }
}
