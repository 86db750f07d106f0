import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import type { Notification } from './models/notification.model.js';
import {
  NotificationsRepository,
  toNotification,
  type NewNotification,
} from './notifications.repository.js';

export type { NewNotification } from './notifications.repository.js';

/** In-app alerts. Clients poll `notifications`; written in the transaction of their cause. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
  ) {}

  async notify(m: EntityManager, n: NewNotification): Promise<void> {
    await this.repository.insertMany(m, [n]);
  }

  /** Many at once, in the caller's transaction: they commit (or not) with what they report. */
  async notifyMany(m: EntityManager, notes: readonly NewNotification[]): Promise<void> {
    await this.repository.insertMany(m, notes);
  }

  /** One notification per coordinator of the group. */
  async notifyCoordinators(
    m: EntityManager,
    workingGroupId: string,
    kind: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.repository.insertForCoordinators(m, workingGroupId, kind, payload);
  }

  async list(actor: Actor, unreadOnly: boolean, limit: number): Promise<Notification[]> {
    const rows = await runAsTenant(this.dataSource, actor, (m) =>
      this.repository.listVisible(m, unreadOnly, limit),
    );
    return rows.map(toNotification);
  }

  async markRead(actor: Actor, ids: string[]): Promise<number> {
    return runAsTenant(this.dataSource, actor, (m) => this.repository.markRead(m, ids));
  }
}
