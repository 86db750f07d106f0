import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';

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

/** In-app alerts. Clients poll `notifications`; written in the transaction of their cause. */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async notify(m: EntityManager, n: NewNotification): Promise<void> {
    await m.query(
      `INSERT INTO notification (recipient_organisation_id, recipient_user_id, working_group_id, kind, payload)
       VALUES ($1, $2, $3, $4, $5)`,
      [n.recipientOrganisationId ?? null, n.recipientUserId ?? null, n.workingGroupId, n.kind, JSON.stringify(n.payload)],
    );
  }

  /** One notification per coordinator of the group. */
  async notifyCoordinators(m: EntityManager, workingGroupId: string, kind: string, payload: Record<string, unknown>): Promise<void> {
    await m.query(
      `INSERT INTO notification (recipient_user_id, working_group_id, kind, payload)
       SELECT c.user_id, $1, $2, $3 FROM working_group_coordinator c WHERE c.working_group_id = $1`,
      [workingGroupId, kind, JSON.stringify(payload)],
    );
  }

  async list(actor: Actor, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
    return runAsTenant(this.dataSource, actor, (m) =>
      m.query(
        `SELECT id, kind, working_group_id, payload, created_at, read_at FROM notification
         WHERE ($1::boolean IS FALSE OR read_at IS NULL) ORDER BY created_at DESC LIMIT $2`,
        [unreadOnly, limit],
      ),
    );
  }

  async markRead(actor: Actor, ids: string[]): Promise<number> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await m.query('UPDATE notification SET read_at = now() WHERE id = ANY($1) AND read_at IS NULL RETURNING id', [ids]);
      return (rows as unknown[]).length;
    });
  }
}
