import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { canMoveReferral, ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { notifyCluster } from '../clusters/cluster-notify.js';
import { ClusterMessagesWriter } from '../conversations/cluster-messages.writer.js';
import type { SealedMessageInput } from '../conversations/dto/sealed-message.input.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { RecordReferralInput, UpdateReferralInput } from './dto/referral.input.js';
import type { Referral } from './models/referral.model.js';
import { ReferralAuthorities } from './referral-authorities.js';
import { partyContext, type PartyContext } from './referral-party.js';
import { checkAuthority, checkCategories, checkDay, checkNoteAudience } from './referral-input.js';
import { mayFollowUp, mayRefer } from './referral-rules.js';
import { toReferrals } from './referral-views.js';
import { ReferralsException } from './referrals.exception.js';
import { ReferralsRepository } from './referrals.repository.js';

/**
 * Referrals of a cluster to an authority: recorded by a party the
 * arrangement in force allows, followed up through the documented status
 * graph with a compare-and-set version. Each change, its history entry, its
 * audit entry and the parties' (and coordinators') alerts commit together.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReferralsRepository,
    private readonly authorities: ReferralAuthorities,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly messages: ClusterMessagesWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async record(actor: Actor, input: RecordReferralInput): Promise<Referral> {
    const now = this.clock.now();
    const authorityName = checkAuthority(
      this.authorities,
      input.authorityId,
      input.authorityName ?? null,
    );
    checkDay('referredOn', input.referredOn, now);
    checkCategories(input.categories);
    checkNoteAudience(input.note);
    return runAsTenant(this.dataSource, actor, async (m) => {
      const p = await partyContext(m, actor, this.repository, input.clusterId);
      if (!mayRefer(p.inForce, p.organisationId)) {
        throw new ReferralsException(
          ErrorCode.ReferralNotAllowed,
          'Under the arrangement in force, your organisation does not refer this cluster',
        );
      }
      const noteMessageId = await this.note(m, actor, p, input.note);
      const id = await this.repository.insert(m, {
        clusterId: p.clusterId,
        workingGroupId: p.workingGroupId,
        organisationId: p.organisationId,
        recordedBy: actor.userId,
        authorityId: input.authorityId,
        authorityName,
        referredOn: input.referredOn,
        categories: [...input.categories].sort(),
        at: now,
      });
      await this.repository.addEvent(m, {
        referralId: id,
        version: 1,
        status: 'referred',
        statusOn: input.referredOn,
        actorUserId: actor.userId,
        actorOrganisationId: p.organisationId,
        noteMessageId,
        at: now,
      });
      // The name of an 'other' authority is the party's words: the audit keeps the id only.
      await this.changed(m, actor, p, id, 'referral.recorded', 'referral.recorded', {
        authorityId: input.authorityId,
        categories: [...input.categories].sort(),
        noteMessageId,
      });
      return this.view(m, p, id);
    });
  }

  async updateStatus(actor: Actor, input: UpdateReferralInput): Promise<Referral> {
    const now = this.clock.now();
    checkDay('statusOn', input.statusOn, now);
    checkNoteAudience(input.note);
    return runAsTenant(this.dataSource, actor, async (m) => {
      const row = await this.repository.findById(m, input.referralId);
      if (!row) throw new ReferralsException(ErrorCode.NotFound, 'No such referral');
      const p = await partyContext(m, actor, this.repository, row.cluster_id);
      if (!mayFollowUp(p.inForce, p.organisationId, row.organisation_id)) {
        throw new ReferralsException(
          ErrorCode.ReferralNotAllowed,
          'The organisation that recorded the referral, or those who lead, follow it up',
        );
      }
      if (row.version !== input.expectedVersion) {
        throw new ReferralsException(
          ErrorCode.ReferralVersionStale,
          'The referral changed meanwhile: reload it',
          {
            version: String(row.version),
          },
        );
      }
      if (!canMoveReferral(row.status, input.status)) {
        throw new ReferralsException(
          ErrorCode.ReferralTransitionInvalid,
          `A referral does not move from ${row.status} to ${input.status}`,
        );
      }
      if (input.statusOn < row.status_on) {
        throw new ReferralsException(
          ErrorCode.BadUserInput,
          'The day is before the day of the previous status',
          {
            field: 'statusOn',
          },
        );
      }
      const noteMessageId = await this.note(m, actor, p, input.note);
      const moved = await this.repository.compareAndSet(m, row.id, input.expectedVersion, {
        status: input.status,
        statusOn: input.statusOn,
        at: now,
      });
      if (!moved)
        throw new ReferralsException(
          ErrorCode.ReferralVersionStale,
          'The referral changed meanwhile: reload it',
        );
      const version = input.expectedVersion + 1;
      await this.repository.addEvent(m, {
        referralId: row.id,
        version,
        status: input.status,
        statusOn: input.statusOn,
        actorUserId: actor.userId,
        actorOrganisationId: p.organisationId,
        noteMessageId,
        at: now,
      });
      await this.changed(m, actor, p, row.id, 'referral.status_changed', 'referral.updated', {
        from: row.status,
        to: input.status,
        version,
        noteMessageId,
      });
      return this.view(m, p, row.id);
    });
  }

  /** The referrals of a cluster as the viewer sees them ([] when it has no access). */
  async ofCluster(actor: Actor, clusterId: string): Promise<Referral[]> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await this.repository.listOfClusters(m, [clusterId]);
      if (rows.length === 0) return [];
      let p: PartyContext | null = null;
      try {
        p = await partyContext(m, actor, this.repository, clusterId, false);
      } catch (e) {
        // Former parties and coordinators read referrals without acting on them.
        if (!(e instanceof ReferralsException)) throw e;
      }
      const events = await this.repository.eventsOf(
        m,
        rows.map((r) => r.id),
      );
      return toReferrals(rows, events, {
        authorities: this.authorities,
        now: this.clock.now(),
        reminderDays: this.runtime.config.REFERRAL_REMINDER_DAYS,
        mayUpdate: (r) => p !== null && mayFollowUp(p.inForce, p.organisationId, r.organisation_id),
      });
    });
  }

  private note(
    m: EntityManager,
    actor: Actor,
    p: PartyContext,
    note: SealedMessageInput | null | undefined,
  ) {
    return note
      ? this.messages.insertSealed(m, actor, p.clusterId, p.workingGroupId, note)
      : Promise.resolve(null);
  }

  private async changed(
    m: EntityManager,
    actor: Actor,
    p: PartyContext,
    referralId: string,
    action: string,
    kind: string,
    change: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(m, {
      actorUserId: actor.userId,
      organisationId: p.organisationId,
      workingGroupId: p.workingGroupId,
      action,
      subjectType: 'referral',
      subjectId: referralId,
      change: { clusterId: p.clusterId, ...change },
    });
    await notifyCluster(m, this.notifications, {
      clusterId: p.clusterId,
      workingGroupId: p.workingGroupId,
      kind,
      payload: { referralId },
      exceptOrganisationId: p.organisationId,
      coordinators: true,
    });
  }

  private async view(m: EntityManager, p: PartyContext, id: string): Promise<Referral> {
    const row = await this.repository.findById(m, id);
    if (!row) throw new ReferralsException(ErrorCode.NotFound, 'No such referral');
    const [referral] = toReferrals([row], await this.repository.eventsOf(m, [id]), {
      authorities: this.authorities,
      now: this.clock.now(),
      reminderDays: this.runtime.config.REFERRAL_REMINDER_DAYS,
      mayUpdate: (r) => mayFollowUp(p.inForce, p.organisationId, r.organisation_id),
    });
    if (!referral) throw new ReferralsException(ErrorCode.NotFound, 'No such referral');
    return referral;
  }
}
