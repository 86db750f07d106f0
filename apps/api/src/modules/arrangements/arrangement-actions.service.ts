import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import {
  ErrorCode,
  transition,
  type ArrangementAction,
  type ArrangementOutcome,
} from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { clusterAccess, clusterHeader } from '../clusters/cluster-access.js';
import { notifyCluster } from '../clusters/cluster-notify.js';
import { ClusterMessagesWriter } from '../conversations/cluster-messages.writer.js';
import type { SealedMessageInput } from '../conversations/dto/sealed-message.input.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { auditEntriesOf, eventDetail, noticesOf } from './arrangement-effects.js';
import { actingAs, viewerActions, type Side, type Standing } from './arrangement-sides.js';
import { ArrangementStore, type StoredArrangement } from './arrangement.store.js';
import { toLeadArrangement } from './arrangement-view.js';
import { ArrangementsException, refusalException } from './arrangements.exception.js';
import { ArrangementsRepository } from './arrangements.repository.js';
import type { LeadArrangement } from './models/lead-arrangement.model.js';

export interface ActionRequest {
  clusterId: string;
  side: Side;
  /** The version the caller read; null for a comment (it changes no state). */
  expectedVersion: number | null;
  note: SealedMessageInput | null | undefined;
  noteRequired: boolean;
  /** The rule book's action at the hub's time; null for a comment. */
  action: ((at: string) => ArrangementAction) | null;
}

/**
 * Runs one party's or coordinator's action on an arrangement, in one tenant
 * transaction: the row locked, the caller's side and version checked, the
 * rule book applied, then the sealed note, the new state and its event, the
 * notifications and the audit entries written together. A refusal throws
 * before anything is written, so it leaves no trace.
 */
@Injectable()
export class ArrangementActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ArrangementStore,
    private readonly repository: ArrangementsRepository,
    private readonly writer: ClusterMessagesWriter,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async perform(actor: Actor, req: ActionRequest): Promise<LeadArrangement> {
    if (req.noteRequired && !req.note)
      throw new ArrangementsException(
        ErrorCode.NoteRequired,
        'Add a note (the reason) to this action',
        {
          field: 'note',
        },
      );
    if (req.note && req.note.audience !== 'parties_and_coordinators')
      throw new ArrangementsException(
        ErrorCode.BadUserInput,
        'Arrangement notes are sealed to the parties and coordinators',
        {
          field: 'note.audience',
        },
      );
    return runAsTenant(this.dataSource, actor, async (m) => {
      const standing = await this.standing(m, actor, req.clusterId);
      const who = actingAs(actor, req.side, standing);
      const stored = await this.store.load(m, req.clusterId, true);
      if (!stored) throw new ArrangementsException(ErrorCode.NotFound, 'No such cluster');
      if (stored.status === 'merged')
        throw new ArrangementsException(
          ErrorCode.ArrangementNotAllowed,
          'This cluster was merged into another',
          {
            refusal: 'merged',
          },
        );
      if (req.expectedVersion !== null && req.expectedVersion !== stored.state.version)
        throw stale(stored);
      const byOrg = who.kind === 'party' ? who.organisationId : null;
      if (!req.action) {
        await this.comment(m, actor, stored, req.note ?? null);
        return toLeadArrangement(
          stored.clusterId,
          stored.status,
          stored.state,
          viewerActions(actor, stored.status, stored.state, standing),
        );
      }
      const action = req.action(this.clock.now().toISOString());
      const result = transition(stored.state, who, action);
      if (!result.ok) throw refusalException(result.refusal, result.message);
      const noteId = req.note
        ? await this.writer.insertSealed(
            m,
            actor,
            stored.clusterId,
            stored.workingGroupId,
            req.note,
          )
        : null;
      const detail = eventDetail(action, stored.state, result.state, result.outcomes);
      const saved = await this.store.save(m, stored.clusterId, stored.state, result.state, {
        kind: result.outcomes[0] ?? action.type,
        actorUserId: actor.userId,
        actorOrganisationId: byOrg,
        byCoordinator: who.kind === 'coordinator',
        detail,
        noteMessageId: noteId,
      });
      if (!saved) throw stale(stored);
      await this.announce(m, actor, stored, byOrg, result.outcomes, {
        ...detail,
        noteMessageId: noteId,
      });
      return toLeadArrangement(
        stored.clusterId,
        result.state.status,
        result.state,
        viewerActions(actor, result.state.status, result.state, standing),
      );
    });
  }

  /** The caller's access to the cluster, its group and its organisation's negotiation policy. */
  async standing(m: EntityManager, actor: Actor, clusterId: string): Promise<Standing> {
    const access = await clusterAccess(m, clusterId);
    const header = access ? await clusterHeader(m, clusterId) : null;
    const negotiators = actor.organisationId
      ? await this.repository.leadNegotiators(m, actor.organisationId)
      : 'admins';
    return {
      access: header ? access : null,
      workingGroupId: header?.working_group_id ?? '',
      negotiators,
    };
  }

  /** A coordinator's comment: an event at the current version, no change of state. */
  private async comment(
    m: EntityManager,
    actor: Actor,
    stored: StoredArrangement,
    note: SealedMessageInput | null,
  ) {
    if (!note)
      throw new ArrangementsException(ErrorCode.NoteRequired, 'A comment is its note', {
        field: 'note',
      });
    const noteId = await this.writer.insertSealed(
      m,
      actor,
      stored.clusterId,
      stored.workingGroupId,
      note,
    );
    const detail = { version: stored.state.version };
    await this.store.addEvent(m, stored.clusterId, stored.state.version, {
      kind: 'commented',
      actorUserId: actor.userId,
      actorOrganisationId: null,
      byCoordinator: true,
      detail,
      noteMessageId: noteId,
    });
    await this.announce(m, actor, stored, null, ['commented'], {
      ...detail,
      noteMessageId: noteId,
    });
  }

  /** Notifications, then the audit entries (last: they hold the chain's lock until commit). */
  private async announce(
    m: EntityManager,
    actor: Actor,
    stored: StoredArrangement,
    byOrg: string | null,
    outcomes: ReadonlyArray<ArrangementOutcome | 'commented'>,
    detail: Record<string, unknown>,
  ): Promise<void> {
    for (const n of noticesOf(outcomes, byOrg, detail)) {
      await notifyCluster(m, this.notifications, {
        clusterId: stored.clusterId,
        workingGroupId: stored.workingGroupId,
        kind: n.kind,
        payload: n.payload,
        exceptOrganisationId: n.exceptOrganisationId,
        coordinators: n.coordinators,
      });
    }
    await this.audit.recordMany(
      m,
      auditEntriesOf(
        outcomes,
        {
          actorUserId: actor.userId,
          organisationId: byOrg,
          workingGroupId: stored.workingGroupId,
          subjectType: 'cluster',
          subjectId: stored.clusterId,
        },
        detail,
      ),
    );
  }
}

function stale(stored: StoredArrangement): ArrangementsException {
  return new ArrangementsException(
    ErrorCode.ArrangementVersionStale,
    'The arrangement changed meanwhile: reload it and act again',
    { currentVersion: String(stored.state.version) },
  );
}
