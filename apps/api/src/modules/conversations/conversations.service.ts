import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { afterKey, toPage } from '../../common/pagination/keyset.js';
import type { Page } from '../../common/pagination/page.model.js';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import {
  clusterAccess,
  clusterHeader,
  clusterLineage,
  type ClusterHeader,
} from '../clusters/cluster-access.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { toClusterMessage } from './cluster-message.mapper.js';
import { ClusterMessagesWriter, type WrittenMessage } from './cluster-messages.writer.js';
import { ConversationsException } from './conversations.exception.js';
import { ConversationsRepository, type MessageAfter } from './conversations.repository.js';
import type { SealedMessageInput } from './dto/sealed-message.input.js';
import type { ClusterMessage } from './models/cluster-message.model.js';
import type { MessageAudience } from './models/message-audience.enum.js';
import type { ClusterRecipient } from './models/cluster-recipient.model.js';

const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A cluster's conversation as the hub sees it: who may take part, sealed
 * copies in and out, read marks. The hub never opens a copy.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ConversationsRepository,
    private readonly writer: ClusterMessagesWriter,
    private readonly notifications: NotificationsService,
  ) {}

  /** Stores the message, its audit entry and the recipients' alerts in one transaction. */
  async send(
    actor: Actor,
    clusterId: string,
    message: SealedMessageInput,
  ): Promise<ClusterMessage> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const header = await this.header(m, clusterId);
      const written = await this.writer.write(
        m,
        actor,
        clusterId,
        header.working_group_id,
        message,
      );
      await this.notifyRecipients(m, actor, header, written);
      const row = await this.repository.one(m, clusterId, actor.userId, written.messageId);
      if (!row) throw new ConversationsException(ErrorCode.NotFound, 'No such message');
      return toClusterMessage(row);
    });
  }

  /** Whom the caller's device should seal a message to now (if it trusts their keys); only for a caller who may send it. */
  async recipients(
    actor: Actor,
    clusterId: string,
    audience: MessageAudience,
  ): Promise<ClusterRecipient[]> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const access = await clusterAccess(m, clusterId);
      const header = await this.header(m, clusterId, access);
      const list = await this.repository.eligibleRecipients(
        m,
        clusterId,
        header.working_group_id,
        audience,
      );
      const me = list.find((r) => r.userId === actor.userId);
      const may =
        me && (me.isCoordinator ? audience === 'parties_and_coordinators' : access === 'party');
      if (!may || header.merged_into) {
        throw new ConversationsException(
          ErrorCode.Forbidden,
          'You do not take part in this conversation now',
        );
      }
      return list;
    });
  }

  /** The caller's messages of the cluster and the clusters merged into it, newest first. */
  async list(
    actor: Actor,
    clusterId: string,
    first: number,
    after: string | null | undefined,
  ): Promise<Page<ClusterMessage>> {
    const scope = { list: 'clusterMessages', filters: { clusterId } };
    const position = afterOf(afterKey(after, scope, 2));
    return runAsTenant(this.dataSource, actor, async (m) => {
      await this.header(m, clusterId);
      const lineage = await clusterLineage(m, clusterId);
      const rows = await this.repository.page(m, lineage, actor.userId, position, first + 1);
      const total = await this.repository.count(m, lineage, actor.userId);
      return toPage(rows, first, total, scope, (r) => [r.at_key, r.id], toClusterMessage);
    });
  }

  async markRead(actor: Actor, clusterId: string): Promise<number> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      await this.header(m, clusterId);
      return this.repository.markRead(m, await clusterLineage(m, clusterId), actor.userId);
    });
  }

  /** Unread copies of the caller, in one cluster (with those merged into it) or everywhere. */
  async unread(actor: Actor, clusterId: string | null): Promise<number> {
    return runAsTenant(this.dataSource, actor, async (m) =>
      this.repository.unread(
        m,
        actor.userId,
        clusterId ? await clusterLineage(m, clusterId) : null,
      ),
    );
  }

  /** The cluster, when the caller has any access to it (NOT_FOUND otherwise, whether or not it exists). */
  private async header(
    m: EntityManager,
    clusterId: string,
    known?: string | null,
  ): Promise<ClusterHeader> {
    const access = known === undefined ? await clusterAccess(m, clusterId) : known;
    const header = access ? await clusterHeader(m, clusterId) : null;
    if (!header) throw new ConversationsException(ErrorCode.NotFound, 'No such cluster');
    return header;
  }

  /**
   * One alert per recipient organisation other than the sender's, and one
   * per coordinator who got a copy; ids only. Other organisations' alerts
   * are the hub's writes.
   */
  private async notifyRecipients(
    m: EntityManager,
    actor: Actor,
    header: ClusterHeader,
    written: WrittenMessage,
  ) {
    const payload = {
      clusterId: header.id,
      workingGroupId: header.working_group_id,
      messageId: written.messageId,
    };
    const others = written.recipients.filter((r) => r.userId !== actor.userId);
    const orgs = new Set(
      others
        .filter(
          (r) => !r.isCoordinator && r.organisationId && r.organisationId !== actor.organisationId,
        )
        .map((r) => r.organisationId as string),
    );
    const notes = [
      ...[...orgs].map((o) => ({
        recipientOrganisationId: o,
        workingGroupId: header.working_group_id,
        kind: 'cluster.message',
        payload,
      })),
      ...others
        .filter((r) => r.isCoordinator)
        .map((r) => ({
          recipientUserId: r.userId,
          workingGroupId: header.working_group_id,
          kind: 'cluster.message',
          payload,
        })),
    ];
    if (notes.length > 0) await withOwnerRights(m, () => this.notifications.notifyMany(m, notes));
  }
}

/** The keyset position of a cursor; a forged key (cursors are not signed) is INVALID_CURSOR, not a database error. */
function afterOf(key: string[] | null): MessageAfter {
  if (!key) return null;
  const [at = '', id = ''] = key;
  if (!KEY_TIME.test(at) || !KEY_ID.test(id)) {
    throw new ConversationsException(
      ErrorCode.InvalidCursor,
      'This cursor does not belong to this list',
      { field: 'after' },
    );
  }
  return { at, id };
}
