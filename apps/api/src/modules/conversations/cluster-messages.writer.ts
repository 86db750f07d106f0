import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import { decodedLength } from '../../common/graphql/validators.js';
import { AuditService } from '../audit/audit.service.js';
import { clusterAccess, clusterHeader } from '../clusters/cluster-access.js';
import { ConversationsException } from './conversations.exception.js';
import {
  ConversationsRepository,
  type NewCopy,
  type RecipientRow,
} from './conversations.repository.js';
import {
  MAX_COPIES,
  SEALED_COPY_MAX_BYTES,
  SEALED_COPY_MIN_BYTES,
  type SealedMessageInput,
} from './dto/sealed-message.input.js';
import { MESSAGE_AUDIENCES } from './models/message-audience.enum.js';

/** What a written message reached: its id and the recipients of its copies (for the alerts). */
export interface WrittenMessage {
  messageId: string;
  recipients: RecipientRow[];
}

/**
 * Stores a message sealed on the sender's device, in the caller's
 * transaction: the conversation's `sendClusterMessage` and the notes the
 * arrangement and referral mutations carry go through here, so every
 * message meets the same rules.
 *
 * - The sender is a participant for the audience: an org admin or
 *   investigator of an active party holding certified keys, or, for
 *   `parties_and_coordinators` only, a coordinator of the group (FORBIDDEN;
 *   NOT_FOUND without access to the cluster at all).
 * - Every copy is canonical base64 of a plausible size (BAD_USER_INPUT), for
 *   a distinct user the hub counts as a recipient now, and one is the
 *   sender's own, so the sender can read its history
 *   (MESSAGE_RECIPIENTS_INVALID). Copies for the other participants are
 *   the sender's device's choice: it seals only to keys whose certificates
 *   it verified, and says whom it skipped; the hub never adds anyone.
 * - A message id is used once (MESSAGE_ID_REUSED).
 *
 * It records `cluster.message_sent` (ids and a count only) and does not
 * notify: the caller's own event says what happened.
 */
@Injectable()
export class ClusterMessagesWriter {
  constructor(
    private readonly repository: ConversationsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Validates and stores the message; returns its id. */
  async insertSealed(
    m: EntityManager,
    actor: Actor,
    clusterId: string,
    workingGroupId: string,
    message: SealedMessageInput,
  ): Promise<string> {
    return (await this.write(m, actor, clusterId, workingGroupId, message)).messageId;
  }

  /** As `insertSealed`, with whom the copies went to. */
  async write(
    m: EntityManager,
    actor: Actor,
    clusterId: string,
    workingGroupId: string,
    message: SealedMessageInput,
  ): Promise<WrittenMessage> {
    checkEnvelope(message);
    const copies = decodeCopies(message).map((c) => ({ ...c, read: c.userId === actor.userId }));
    const access = await clusterAccess(m, clusterId);
    const header = access ? await clusterHeader(m, clusterId) : null;
    if (!header || header.working_group_id !== workingGroupId) {
      throw new ConversationsException(ErrorCode.NotFound, 'No such cluster');
    }
    if (header.merged_into) {
      throw new ConversationsException(
        ErrorCode.NotFound,
        'This cluster was merged into another: write there',
        {
          mergedInto: header.merged_into,
        },
      );
    }
    const eligible = await this.repository.eligibleRecipients(
      m,
      clusterId,
      workingGroupId,
      message.audience,
    );
    const byUser = new Map(eligible.map((r) => [r.userId, r]));
    const sender = byUser.get(actor.userId);
    // A party's member writes as its organisation; a coordinator only to an audience that includes coordinators.
    if (
      !sender ||
      !(sender.isCoordinator ? message.audience === 'parties_and_coordinators' : access === 'party')
    ) {
      throw new ConversationsException(
        ErrorCode.Forbidden,
        "Only the parties' admins and investigators with certified keys (and coordinators, for notes) write here",
      );
    }
    const recipients: RecipientRow[] = [];
    for (const c of copies) {
      const r = byUser.get(c.userId);
      if (!r) invalid('A copy is for someone who is not a participant now', c.userId);
      recipients.push(r);
    }
    if (!byUser.has(actor.userId) || !copies.some((c) => c.userId === actor.userId)) {
      invalid("The sender's own copy is missing", actor.userId);
    }
    const inserted = await this.repository.insertMessage(m, {
      id: message.messageId,
      clusterId,
      senderUserId: actor.userId,
      senderOrganisationId: sender.isCoordinator ? null : actor.organisationId,
      audience: message.audience,
    });
    if (!inserted) {
      throw new ConversationsException(
        ErrorCode.MessageIdReused,
        'A message with this id exists: seal it again under a new id',
      );
    }
    await this.repository.insertCopies(m, message.messageId, actor.userId, copies);
    await this.audit.record(m, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      workingGroupId,
      action: 'cluster.message_sent',
      subjectType: 'cluster',
      subjectId: clusterId,
      change: {
        messageId: message.messageId,
        audience: message.audience,
        recipients: copies.length,
      },
    });
    return { messageId: message.messageId, recipients };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the input type checks, again: other modules' inputs carry a message too, and a bad id must not reach SQL. */
function checkEnvelope(message: SealedMessageInput): void {
  if (!UUID.test(message.messageId)) {
    throw new ConversationsException(ErrorCode.BadUserInput, 'messageId must be a UUID', {
      field: 'messageId',
    });
  }
  if (!(MESSAGE_AUDIENCES as readonly string[]).includes(message.audience)) {
    throw new ConversationsException(ErrorCode.BadUserInput, 'Unknown audience', {
      field: 'audience',
    });
  }
  if (message.copies.length > MAX_COPIES) {
    throw new ConversationsException(ErrorCode.BadUserInput, `At most ${MAX_COPIES} copies`, {
      field: 'copies',
    });
  }
  for (const c of message.copies) if (!UUID.test(c.userId)) invalid('A copy names no user', '');
}

function invalid(message: string, userId: string): never {
  throw new ConversationsException(ErrorCode.MessageRecipientsInvalid, message, { userId });
}

/** The copies as bytes, refused before any query when one is not base64 of a plausible size or a user has two. */
function decodeCopies(message: SealedMessageInput): NewCopy[] {
  const seen = new Set<string>();
  return message.copies.map((c) => {
    const n = decodedLength(c.sealed);
    if (n === null || n < SEALED_COPY_MIN_BYTES || n > SEALED_COPY_MAX_BYTES) {
      throw new ConversationsException(
        ErrorCode.BadUserInput,
        `A sealed copy must be base64 of ${SEALED_COPY_MIN_BYTES} to ${SEALED_COPY_MAX_BYTES} bytes`,
        { field: 'copies.sealed', userId: c.userId },
      );
    }
    if (seen.has(c.userId)) invalid('Two copies for one recipient', c.userId);
    seen.add(c.userId);
    return { userId: c.userId, sealed: Buffer.from(c.sealed, 'base64'), read: false };
  });
}
