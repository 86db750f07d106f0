import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MessageAudience } from './models/message-audience.enum.js';

/** Someone who should get a copy of a message now (see `eligibleRecipients`). */
export interface RecipientRow {
  userId: string;
  organisationId: string | null;
  isCoordinator: boolean;
}

export interface NewMessage {
  id: string;
  clusterId: string;
  senderUserId: string;
  senderOrganisationId: string | null;
  audience: MessageAudience;
}

export interface NewCopy {
  userId: string;
  sealed: Buffer;
  /** The sender's own copy is read already. */
  read: boolean;
}

export interface MessageRow {
  id: string;
  cluster_id: string;
  sender_user_id: string;
  sender_organisation_id: string | null;
  audience: MessageAudience;
  created_at: Date;
  /** Sort key text (microseconds, UTC) for the cursor. */
  at_key: string;
  recipient_user_ids: string[] | null;
  sealed: Buffer | null;
  read_at: Date | null;
}

export type MessageAfter = { at: string; id: string } | null;

const KEY = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A message with the caller's own copy ($2 is the caller); its own messages count as read. */
const SELECT_MESSAGE = `SELECT m.id, m.cluster_id, m.sender_user_id, m.sender_organisation_id, m.audience, m.created_at,
    ${KEY('m.created_at')} AS at_key,
    parallax_cluster_message_recipients(m.id) AS recipient_user_ids,
    own.sealed, CASE WHEN own.message_id IS NULL THEN m.created_at ELSE own.read_at END AS read_at
  FROM cluster_message m
  LEFT JOIN cluster_message_copy own ON own.message_id = m.id AND own.recipient_user_id = $2`;

/** The messages of a set of clusters the caller sent or holds a copy of (row-level security says the same). */
const VISIBLE = `m.cluster_id = ANY ($1::uuid[])
  AND (m.sender_user_id = $2 OR EXISTS (SELECT 1 FROM cluster_message_copy k WHERE k.message_id = m.id AND k.recipient_user_id = $2))`;

/** Cluster messages (`cluster_message`) and their sealed copies (`cluster_message_copy`): ciphertext only. */
@Injectable()
export class ConversationsRepository {
  /**
   * Who should get a copy now: org admins and investigators, not disabled,
   * of the cluster's active parties that are active members of the group,
   * holding a certificate that vouches for their keys (member, or org admin
   * of this group); with the group's coordinators (not disabled) when the
   * audience includes them. Clients check every certificate chain
   * themselves: this list only says whom the hub will accept copies for.
   */
  async eligibleRecipients(
    m: EntityManager,
    clusterId: string,
    workingGroupId: string,
    audience: MessageAudience,
  ): Promise<RecipientRow[]> {
    const rows = await m.query<
      Array<{ user_id: string; organisation_id: string | null; is_coordinator: boolean }>
    >(
      `SELECT u.id AS user_id, u.organisation_id, false AS is_coordinator
       FROM user_directory u
       JOIN cluster_party p ON p.cluster_id = $1 AND p.left_at IS NULL AND p.organisation_id = u.organisation_id
       WHERE u.disabled_at IS NULL AND u.role IN ('org_admin', 'investigator')
         AND EXISTS (SELECT 1 FROM working_group_member w WHERE w.working_group_id = $2
                     AND w.organisation_id = u.organisation_id AND w.status = 'active')
         AND EXISTS (SELECT 1 FROM key_certificate c WHERE c.subject_user_id = u.id
                     AND (c.kind = 'member' OR (c.kind = 'org_admin' AND c.working_group_id = $2)))
       UNION
       SELECT u.id, u.organisation_id, true
       FROM user_directory u JOIN working_group_coordinator c ON c.user_id = u.id AND c.working_group_id = $2
       WHERE $3::boolean AND u.disabled_at IS NULL
       ORDER BY 1`,
      [clusterId, workingGroupId, audience === 'parties_and_coordinators'],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      organisationId: r.organisation_id,
      isCoordinator: r.is_coordinator,
    }));
  }

  /** Inserts the message; false when its id is taken (by anyone: the row may be invisible to the caller). */
  async insertMessage(m: EntityManager, msg: NewMessage): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO cluster_message (id, cluster_id, sender_user_id, sender_organisation_id, audience)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [msg.id, msg.clusterId, msg.senderUserId, msg.senderOrganisationId, msg.audience],
    );
    return rows.length === 1;
  }

  async insertCopies(
    m: EntityManager,
    messageId: string,
    senderUserId: string,
    copies: readonly NewCopy[],
  ): Promise<void> {
    await m.query(
      `INSERT INTO cluster_message_copy (message_id, recipient_user_id, sender_user_id, sealed, read_at)
       SELECT $1, r, $2, s, CASE WHEN rd THEN now() END
       FROM unnest($3::uuid[], $4::bytea[], $5::boolean[]) AS t(r, s, rd)`,
      [
        messageId,
        senderUserId,
        copies.map((c) => c.userId),
        copies.map((c) => c.sealed),
        copies.map((c) => c.read),
      ],
    );
  }

  /** A page of the caller's messages in these clusters, newest first, after the keyset position. */
  async page(
    m: EntityManager,
    clusterIds: readonly string[],
    me: string,
    after: MessageAfter,
    limit: number,
  ): Promise<MessageRow[]> {
    return m.query<MessageRow[]>(
      `${SELECT_MESSAGE}
       WHERE ${VISIBLE}
         AND ($3::timestamptz IS NULL OR (m.created_at, m.id) < ($3::timestamptz, $4::uuid))
       ORDER BY m.created_at DESC, m.id DESC
       LIMIT $5`,
      [clusterIds, me, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  /** One message as the caller sees it (just sent, say). */
  async one(
    m: EntityManager,
    clusterId: string,
    me: string,
    messageId: string,
  ): Promise<MessageRow | null> {
    const rows = await m.query<MessageRow[]>(`${SELECT_MESSAGE} WHERE ${VISIBLE} AND m.id = $3`, [
      [clusterId],
      me,
      messageId,
    ]);
    return rows[0] ?? null;
  }

  async count(m: EntityManager, clusterIds: readonly string[], me: string): Promise<number> {
    const [row] = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM cluster_message m WHERE ${VISIBLE}`,
      [clusterIds, me],
    );
    return row?.n ?? 0;
  }

  /** Marks the caller's unread copies in these clusters read; how many were. */
  async markRead(m: EntityManager, clusterIds: readonly string[], me: string): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = await m.query<[unknown[], number]>(
      `UPDATE cluster_message_copy k SET read_at = now()
       FROM cluster_message m
       WHERE m.id = k.message_id AND m.cluster_id = ANY ($1::uuid[]) AND k.recipient_user_id = $2 AND k.read_at IS NULL`,
      [clusterIds, me],
    );
    return affected;
  }

  /** The caller's unread copies, in these clusters or everywhere (null). */
  async unread(
    m: EntityManager,
    me: string,
    clusterIds: readonly string[] | null,
  ): Promise<number> {
    const [row] = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM cluster_message_copy k
       WHERE k.recipient_user_id = $1 AND k.read_at IS NULL
         AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM cluster_message m WHERE m.id = k.message_id AND m.cluster_id = ANY ($2::uuid[])))`,
      [me, clusterIds],
    );
    return row?.n ?? 0;
  }
}
