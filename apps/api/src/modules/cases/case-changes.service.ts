import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import {
  UNUSUAL_CHANGES_PER_CASE_PER_DAY,
  UNUSUAL_CHANGES_PER_ORGANISATION_PER_DAY,
  UNUSUAL_WITHDRAWALS_PER_ORGANISATION_PER_DAY,
} from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { AuditService } from '../audit/audit.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import {
  CaseChangesRepository,
  type ChangedOverlap,
  type CounterpartChange,
} from './case-changes.repository.js';
import type { CaseRow } from './case-rows.js';

/**
 * What a change of a case's fingerprints (or its withdrawal) leaves behind,
 * so that probing by changing a case is never silent (docs/probe-resistance.md):
 *
 * - every overlap of the case (retracted ones too) keeps a record, for the other party,
 *   that this organisation changed or withdrew its case, and when; the other
 *   party is notified (`overlap.counterpart_changed`) in the same transaction;
 * - the changes are counted per case and per organisation, group and day;
 *   past the thresholds in libs/domain/src/cases.ts the group's coordinators
 *   are alerted once a day (`cases.unusual_changes`), on volume alone.
 */
@Injectable()
export class CaseChangesService {
  constructor(
    private readonly repository: CaseChangesRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** Records the change on the case's overlaps and tells their other parties. */
  async recordOnOverlaps(m: EntityManager, c: CaseRow, change: CounterpartChange): Promise<number> {
    const changed = await this.repository.markOverlapsChanged(m, c.id, change);
    if (changed.length === 0) return 0;
    // The other side's notification names its own case: only the owner may read that reference.
    await withOwnerRights(m, () => this.notifyOtherParties(m, c.working_group_id, changed, change));
    return changed.length;
  }

  /** Tells each overlap's other party what happened to this side's case. Needs the owner's rights. */
  private async notifyOtherParties(
    m: EntityManager,
    workingGroupId: string,
    changed: readonly ChangedOverlap[],
    change: CounterpartChange,
  ): Promise<void> {
    const refs = await this.repository.referencesOf(
      m,
      changed.map((o) => o.other_case),
    );
    await this.notifications.notifyMany(
      m,
      changed.map((o) => ({
        recipientOrganisationId: o.other_org,
        workingGroupId,
        kind: 'overlap.counterpart_changed',
        payload: {
          overlapId: o.overlap_id,
          caseId: o.other_case,
          caseReference: refs.get(o.other_case) ?? '',
          change,
          at: o.at.toISOString(),
        },
      })),
    );
  }

  /**
   * The organisation left the group: its cases there are frozen (no
   * matching, no changes; `frozenAt` shows it), the other parties of their
   * standing overlaps see that it left, and the coordinators are told to
   * rotate the group key (the organisation still holds the current one).
   * Runs in the removal's transaction, with the owner's rights (the caller
   * is a coordinator, not the organisation).
   */
  async freezeDeparted(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    return withOwnerRights(m, async () => {
      const frozen = await this.repository.freezeCasesOf(m, organisationId, workingGroupId);
      const changed: ChangedOverlap[] = [];
      // One statement per case, in order, in the removal's transaction.
      for (const id of frozen)
        changed.push(...(await this.repository.markOverlapsChanged(m, id, 'left')));
      await this.notifyOtherParties(m, workingGroupId, changed, 'left');
      const org = await this.organisations.findById(m, organisationId);
      await this.notifications.notifyCoordinators(m, workingGroupId, 'keys.rotation_recommended', {
        organisationId,
        organisationName: org?.name ?? '',
        reason: 'organisation_removed',
        frozenCases: frozen.length,
      });
      return frozen.length;
    });
  }

  /**
   * The organisation rejoined the group: its frozen cases there are matched
   * again (those of an earlier key epoch ask to be re-fingerprinted, as
   * any). In the transaction of the answer, with the owner's rights (the
   * job queue is the hub's).
   */
  async unfreezeReturning(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    return withOwnerRights(m, async () => {
      const ids = await this.repository.unfreezeCasesOf(m, organisationId, workingGroupId);
      for (const id of ids) await this.jobs.enqueueMatch(m, id);
      return ids.length;
    });
  }

  /**
   * Counts a fingerprint change or a withdrawal by the actor's organisation
   * and alerts the coordinators once a day when the volume is unusual.
   */
  async count(
    m: EntityManager,
    actor: Actor,
    c: CaseRow,
    what: 'fingerprint_changes' | 'withdrawals',
  ): Promise<void> {
    const perCase =
      what === 'fingerprint_changes' ? await this.repository.countCaseChange(m, c.id) : 0;
    const usage = await this.repository.countOrganisationChange(
      m,
      c.organisation_id,
      c.working_group_id,
      what,
    );
    const reasons: string[] = [];
    if (perCase >= UNUSUAL_CHANGES_PER_CASE_PER_DAY) reasons.push('case_changes');
    if (usage.fingerprint_changes >= UNUSUAL_CHANGES_PER_ORGANISATION_PER_DAY)
      reasons.push('organisation_changes');
    if (usage.withdrawals >= UNUSUAL_WITHDRAWALS_PER_ORGANISATION_PER_DAY)
      reasons.push('organisation_withdrawals');
    if (usage.alerted || reasons.length === 0) return;
    if (!(await this.repository.claimChangeAlert(m, c.organisation_id, c.working_group_id))) return;
    const figures = {
      organisationId: c.organisation_id,
      reasons,
      fingerprintChangesToday: usage.fingerprint_changes,
      withdrawalsToday: usage.withdrawals,
      changesOfThisCaseToday: perCase,
    };
    // Coordinators' notifications are theirs, not the tenant's: written with the owner's rights.
    await withOwnerRights(m, async () => {
      const org = await this.organisations.findById(m, c.organisation_id);
      await this.notifications.notifyCoordinators(m, c.working_group_id, 'cases.unusual_changes', {
        ...figures,
        organisationName: org?.name ?? '',
      });
    });
    await this.audit.record(m, {
      actorUserId: actor.userId,
      organisationId: c.organisation_id,
      workingGroupId: c.working_group_id,
      action: 'cases.unusual_changes',
      subjectType: 'working_group',
      subjectId: c.working_group_id,
      change: figures,
    });
  }
}
