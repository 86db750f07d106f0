import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { isFingerprintingMember } from '../keys/eligibility.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { Overlap } from './models/overlap.model.js';
import { OverlapsException } from './overlaps.exception.js';

interface OverlapRow {
  id: string;
  working_group_id: string;
  case_a: string;
  case_b: string;
  org_a: string;
  org_b: string;
  score: number;
  strength: string;
  matched_kinds: string[];
  retracted_at: Date | null;
  verdict_a: string | null;
  reason_a: string | null;
  verdict_b: string | null;
  reason_b: string | null;
  contact_status: string;
  contact_requested_by: string | null;
  revealed_at: Date | null;
  created_at: Date;
  my_reference: string;
  other_name: string | null;
  other_kind: 'cso' | 'donor' | 'secretariat' | null;
  other_created_at: Date | null;
}

/** Joins only what the caller's side may see: its own case, and the other organisation once revealed. */
const OVERLAP_SELECT = `
  SELECT o.*, mc.reference AS my_reference,
         CASE WHEN o.revealed_at IS NOT NULL THEN oo.name END AS other_name,
         CASE WHEN o.revealed_at IS NOT NULL THEN oo.kind END AS other_kind,
         CASE WHEN o.revealed_at IS NOT NULL THEN oo.created_at END AS other_created_at
  FROM overlap o
  JOIN tracking_case mc ON mc.id = CASE WHEN o.org_a = $1 THEN o.case_a ELSE o.case_b END
  JOIN organisation oo ON oo.id = CASE WHEN o.org_a = $1 THEN o.org_b ELSE o.org_a END`;

@Injectable()
export class OverlapsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  toModel(actorOrg: string, r: OverlapRow): Overlap {
    const mineIsA = r.org_a === actorOrg;
    const otherId = mineIsA ? r.org_b : r.org_a;
    return {
      id: r.id,
      workingGroupId: r.working_group_id,
      myCase: { id: mineIsA ? r.case_a : r.case_b, reference: r.my_reference },
      otherOrganisation:
        r.revealed_at && r.other_name && r.other_kind && r.other_created_at
          ? { id: otherId, name: r.other_name, kind: r.other_kind, createdAt: r.other_created_at }
          : null,
      score: Math.round(r.score * 1000) / 1000,
      strength: r.strength,
      matchedKinds: r.matched_kinds,
      myVerdict: mineIsA ? r.verdict_a : r.verdict_b,
      myReason: mineIsA ? r.reason_a : r.reason_b,
      contactStatus: r.contact_status,
      contactRequestedByMe: r.contact_requested_by === actorOrg,
      revealed: r.revealed_at !== null,
      createdAt: r.created_at,
      retractedAt: r.retracted_at,
    };
  }

  async list(actor: Actor, filter: { workingGroupId?: string | undefined; caseId?: string | undefined; includeRetracted: boolean }): Promise<Overlap[]> {
    const org = actor.organisationId;
    if (!org) return [];
    const rows = (await runAsTenant(this.dataSource, actor, (m) =>
      m.query(
        `${OVERLAP_SELECT}
         WHERE $1 IN (o.org_a, o.org_b)
           AND ($2::uuid IS NULL OR o.working_group_id = $2)
           AND ($3::uuid IS NULL OR mc.id = $3)
           AND ($4 OR o.retracted_at IS NULL)
         ORDER BY o.created_at DESC LIMIT 1000`,
        [org, filter.workingGroupId ?? null, filter.caseId ?? null, filter.includeRetracted],
      ),
    )) as OverlapRow[];
    return rows.map((r) => this.toModel(org, r));
  }

  async setVerdict(actor: Actor, overlapId: string, verdict: 'confirmed' | 'false_match', reason: string | null): Promise<Overlap> {
    if (verdict === 'false_match' && !reason?.trim()) {
      throw new OverlapsException(ErrorCode.BadUserInput, 'Say why this is a false match', { field: 'reason' });
    }
    return this.change(actor, overlapId, async (m, o, side) => {
      await m.query(`UPDATE overlap SET verdict_${side} = $2, reason_${side} = $3, updated_at = now() WHERE id = $1`, [overlapId, verdict, reason?.trim() || null]);
      return { action: 'overlap.verdict', change: { verdict, side } };
    });
  }

  async requestContact(actor: Actor, overlapId: string): Promise<Overlap> {
    return this.change(actor, overlapId, async (m, o) => {
      if (o.contact_status === 'requested' || o.contact_status === 'accepted') {
        throw new OverlapsException(ErrorCode.Conflict, 'Contact was already requested');
      }
      await m.query(`UPDATE overlap SET contact_status = 'requested', contact_requested_by = $2, updated_at = now() WHERE id = $1`, [
        overlapId,
        actor.organisationId,
      ]);
      await this.notifyOther(m, o, actor, 'overlap.contact_requested');
      return { action: 'overlap.request_contact', change: {} };
    });
  }

  /** The other side answers; on acceptance both organisations learn each other's identity. */
  async respondToContact(actor: Actor, overlapId: string, accept: boolean): Promise<Overlap> {
    return this.change(actor, overlapId, async (m, o) => {
      if (o.contact_status !== 'requested' || o.contact_requested_by === actor.organisationId) {
        throw new OverlapsException(ErrorCode.Conflict, 'There is no contact request to answer');
      }
      await m.query(
        accept
          ? `UPDATE overlap SET contact_status = 'accepted', revealed_at = coalesce(revealed_at, now()), revealed_by = coalesce(revealed_by, 'consent'), updated_at = now() WHERE id = $1`
          : `UPDATE overlap SET contact_status = 'declined', updated_at = now() WHERE id = $1`,
        [overlapId],
      );
      await this.notifyOther(m, o, actor, accept ? 'overlap.contact_accepted' : 'overlap.contact_declined');
      return { action: accept ? 'overlap.accept_contact' : 'overlap.decline_contact', change: { accept } };
    });
  }

  private async change(
    actor: Actor,
    overlapId: string,
    apply: (m: EntityManager, o: OverlapRow, side: 'a' | 'b') => Promise<{ action: string; change: Record<string, unknown> }>,
  ): Promise<Overlap> {
    const org = actor.organisationId;
    if (!org) throw new OverlapsException(ErrorCode.NotFound, 'No such overlap');
    return runAsTenant(this.dataSource, actor, async (m) => {
      const o = await this.load(m, org, overlapId, true);
      if (!isFingerprintingMember(actor, o.working_group_id)) {
        throw new OverlapsException(ErrorCode.Forbidden, 'Only investigators and admins of a member organisation act on overlaps');
      }
      if (o.retracted_at) throw new OverlapsException(ErrorCode.Conflict, 'This overlap was retracted');
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
      return this.toModel(org, await this.load(m, org, overlapId, false));
    });
  }

  private async load(m: EntityManager, org: string, overlapId: string, lock: boolean): Promise<OverlapRow> {
    const rows = (await m.query(`${OVERLAP_SELECT} WHERE o.id = $2 AND $1 IN (o.org_a, o.org_b)${lock ? ' FOR UPDATE OF o' : ''}`, [
      org,
      overlapId,
    ])) as OverlapRow[];
    if (!rows[0]) throw new OverlapsException(ErrorCode.NotFound, 'No such overlap');
    return rows[0];
  }

  private async notifyOther(m: EntityManager, o: OverlapRow, actor: Actor, kind: string): Promise<void> {
    const otherOrg = o.org_a === actor.organisationId ? o.org_b : o.org_a;
    const otherCase = o.org_a === actor.organisationId ? o.case_b : o.case_a;
    // The other side's notification names its own case; reading it needs the owner's rights.
    await m.query('RESET ROLE');
    try {
      const [c] = (await m.query('SELECT reference FROM tracking_case WHERE id = $1', [otherCase])) as Array<{ reference: string }>;
      await this.notifications.notify(m, {
        recipientOrganisationId: otherOrg,
        workingGroupId: o.working_group_id,
        kind,
        payload: { overlapId: o.id, caseId: otherCase, caseReference: c?.reference ?? '', strength: o.strength },
      });
    } finally {
      await m.query('SET LOCAL ROLE parallax_tenant');
    }
  }
}
