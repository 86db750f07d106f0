import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { ClusterFormationService } from '../clusters/cluster-formation.service.js';
import { isFingerprintingMember } from '../keys/eligibility.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { Overlap } from './models/overlap.model.js';
import { OverlapsException } from './overlaps.exception.js';
import {
  OverlapsRepository,
  toOverlap,
  type OverlapRow,
  type OverlapSide,
  type OverlapVerdict,
} from './overlaps.repository.js';

type Change = (
  m: EntityManager,
  o: OverlapRow,
  side: OverlapSide,
) => Promise<{ action: string; change: Record<string, unknown> }>;

/**
 * What the parties do with an overlap: a verdict, a contact request and its
 * answer. Each change, its audit entry and the other side's alert commit in
 * one transaction.
 */
@Injectable()
export class OverlapsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OverlapsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clusters: ClusterFormationService,
  ) {}

  async setVerdict(
    actor: Actor,
    overlapId: string,
    verdict: OverlapVerdict,
    reason: string | null,
  ): Promise<Overlap> {
    if (verdict === 'false_match' && !reason?.trim()) {
      throw new OverlapsException(ErrorCode.BadUserInput, 'Say why this is a false match', {
        field: 'reason',
      });
    }
    return this.change(actor, overlapId, async (m, _o, side) => {
      await this.repository.setVerdict(m, overlapId, side, verdict, reason?.trim() || null);
      return { action: 'overlap.verdict', change: { verdict, side } };
    });
  }

  async requestContact(actor: Actor, overlapId: string): Promise<Overlap> {
    return this.change(actor, overlapId, async (m, o) => {
      if (o.contact_status === 'requested' || o.contact_status === 'accepted') {
        throw new OverlapsException(
          ErrorCode.ContactAlreadyRequested,
          'Contact was already requested',
        );
      }
      await this.repository.markContactRequested(m, overlapId, this.organisationOf(actor));
      await this.notifyOther(m, o, actor, 'overlap.contact_requested');
      return { action: 'overlap.request_contact', change: {} };
    });
  }

  /** The other side answers; on acceptance both organisations learn each other's identity. */
  async respondToContact(actor: Actor, overlapId: string, accept: boolean): Promise<Overlap> {
    return this.change(actor, overlapId, async (m, o) => {
      if (o.contact_status !== 'requested' || o.contact_requested_by === actor.organisationId) {
        throw new OverlapsException(
          ErrorCode.NoContactRequest,
          'There is no contact request to answer',
        );
      }
      await this.repository.markContactAnswered(m, overlapId, accept);
      // Revealed: both cases join one cluster, in this transaction (formed, extended or merged).
      const clusterId = accept
        ? await this.clusters.onReveal(m, o, {
            userId: actor.userId,
            organisationId: actor.organisationId,
          })
        : null;
      await this.notifyOther(
        m,
        o,
        actor,
        accept ? 'overlap.contact_accepted' : 'overlap.contact_declined',
        clusterId ? { clusterId } : {},
      );
      return {
        action: accept ? 'overlap.accept_contact' : 'overlap.decline_contact',
        change: clusterId ? { accept, clusterId } : { accept },
      };
    });
  }

  private async change(actor: Actor, overlapId: string, apply: Change): Promise<Overlap> {
    const org = this.organisationOf(actor);
    return runAsTenant(this.dataSource, actor, async (m) => {
      const o = await this.load(m, org, overlapId, true);
      if (!isFingerprintingMember(actor, o.working_group_id)) {
        throw new OverlapsException(
          ErrorCode.Forbidden,
          'Only investigators and admins of a member organisation act on overlaps',
        );
      }
      if (o.retracted_at)
        throw new OverlapsException(ErrorCode.OverlapRetracted, 'This overlap was retracted');
      const { action, change } = await apply(m, o, o.org_a === org ? 'a' : 'b');
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: org,
        workingGroupId: o.working_group_id,
        action,
        subjectType: 'overlap',
        subjectId: overlapId,
        change,
      });
      return toOverlap(org, await this.load(m, org, overlapId, false));
    });
  }

  private organisationOf(actor: Actor): string {
    if (!actor.organisationId) throw new OverlapsException(ErrorCode.NotFound, 'No such overlap');
    return actor.organisationId;
  }

  private async load(
    m: EntityManager,
    org: string,
    overlapId: string,
    lock: boolean,
  ): Promise<OverlapRow> {
    const row = await this.repository.findOfOrganisation(m, org, overlapId, lock);
    if (!row) throw new OverlapsException(ErrorCode.NotFound, 'No such overlap');
    return row;
  }

  private async notifyOther(
    m: EntityManager,
    o: OverlapRow,
    actor: Actor,
    kind: string,
    extra: Record<string, string> = {},
  ): Promise<void> {
    const mineIsA = o.org_a === actor.organisationId;
    const otherCase = mineIsA ? o.case_b : o.case_a;
    // The other side's notification names its own case and is addressed to it:
    // reading that case and writing that row take the owner's rights.
    await withOwnerRights(m, async () => {
      const reference = await this.repository.caseReference(m, otherCase);
      await this.notifications.notify(m, {
        recipientOrganisationId: mineIsA ? o.org_b : o.org_a,
        workingGroupId: o.working_group_id,
        kind,
        payload: {
          overlapId: o.id,
          caseId: otherCase,
          caseReference: reference ?? '',
          strength: o.strength,
          ...extra,
        },
      });
    });
  }
}
