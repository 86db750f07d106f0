import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Notification } from './models/notification.model.js';

export interface NewNotification {
  recipientOrganisationId?: string | null;
  recipientUserId?: string | null;
  workingGroupId: string | null;
  /** e.g. `overlap.new`, `oprf.budget_exceeded`. */
  kind: string;
  /** Ids and labels only: never an identifier, never another party's case reference. */
  payload: Record<string, unknown>;
}

export interface NotificationRow {
  id: string;
  kind: string;
  working_group_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    workingGroupId: r.working_group_id,
    payload: r.payload,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

/** Notification rows, always written in the caller's transaction (the one of their cause). */
@Injectable()
export class NotificationsRepository {
  /** One statement for any number of notifications. */
  async insertMany(m: EntityManager, notes: readonly NewNotification[]): Promise<void> {
    if (notes.length === 0) return;
    await m.query(
      `INSERT INTO notification (recipient_organisation_id, recipient_user_id, working_group_id, kind, payload)
       SELECT org, usr, wg, kind, payload::jsonb FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS t(org, usr, wg, kind, payload)`,
      [
        notes.map((n) => n.recipientOrganisationId ?? null),
        notes.map((n) => n.recipientUserId ?? null),
        notes.map((n) => n.workingGroupId),
        notes.map((n) => n.kind),
        notes.map((n) => JSON.stringify(n.payload)),
      ],
    );
  }

  async insertForCoordinators(
    m: EntityManager,
    workingGroupId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await m.query(
      `INSERT INTO notification (recipient_user_id, working_group_id, kind, payload)
       SELECT c.user_id, $1, $2, $3 FROM working_group_coordinator c WHERE c.working_group_id = $1`,
      [workingGroupId, kind, JSON.stringify(payload)],
    );
  }

  /** The caller's own and its organisation's, newest first: row-level security picks the recipient. */
  async listVisible(
    m: EntityManager,
    unreadOnly: boolean,
    limit: number,
  ): Promise<NotificationRow[]> {
    return m.query<NotificationRow[]>(
      `SELECT id, kind, working_group_id, payload, created_at, read_at FROM notification
       WHERE ($1::boolean IS FALSE OR read_at IS NULL) ORDER BY created_at DESC LIMIT $2`,
      [unreadOnly, limit],
    );
  }

  /** How many of the given (visible, unread) notifications were marked read. */
  async markRead(m: EntityManager, ids: readonly string[]): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected]: count the rows, not the pair.
    const [rows] = await m.query<[Array<{ id: string }>, number]>(
      'UPDATE notification SET read_at = now() WHERE id = ANY($1) AND read_at IS NULL RETURNING id',
      [ids],
    );
    return rows.length;
  }
}
