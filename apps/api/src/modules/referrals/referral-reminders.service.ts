import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { AuditService } from '../audit/audit.service.js';
import { REFERRAL_REMINDERS_QUEUE } from '../jobs/job-queues.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { reminderCutoff } from './referral-rules.js';
import { ReferralsRepository } from './referrals.repository.js';

/** Referrals reminded per transaction: a backlog is worked off in bounded steps. */
const BATCH = 200;

/**
 * Parties are reminded to record the authority's feedback: a referral that
 * still awaits it (not declined or closed) with no news for
 * REFERRAL_REMINDER_DAYS gets one `referral.reminder` to the organisation that
 * recorded it, then again only after another interval (`reminded_at`). Run
 * by the `referral-reminders` sweep every minute, with the hub clock's time,
 * in the hub's own context (no tenant: it looks at every group).
 */
@Injectable()
export class ReferralRemindersService implements OnModuleInit {
  private readonly logger = new Logger('ReferralReminders');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReferralsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  onModuleInit(): void {
    this.jobs.onSweep(REFERRAL_REMINDERS_QUEUE, (now) => this.remindDue(now).then(() => undefined));
  }

  /** Sends the reminders due at `now`; returns how many referrals were reminded. Idempotent within an interval. */
  async remindDue(now: Date): Promise<number> {
    const cutoff = reminderCutoff(now, this.runtime.config.REFERRAL_REMINDER_DAYS);
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (m) => {
        const due = await this.repository.dueForReminder(m, cutoff, BATCH);
        if (due.length === 0) return 0;
        await this.repository.markReminded(
          m,
          due.map((d) => d.id),
          now,
        );
        // An organisation that has left the cluster is not reminded (the referral stays listed).
        const active = await this.repository.activeParties(m, [
          ...new Set(due.map((d) => d.cluster_id)),
        ]);
        const reach = due.filter((d) => active.has(`${d.cluster_id}|${d.organisation_id}`));
        await this.notifications.notifyMany(
          m,
          reach.map((d) => ({
            recipientOrganisationId: d.organisation_id,
            workingGroupId: d.working_group_id,
            kind: 'referral.reminder',
            payload: {
              clusterId: d.cluster_id,
              workingGroupId: d.working_group_id,
              referralId: d.id,
              status: d.status,
            },
          })),
        );
        await this.audit.recordMany(
          m,
          reach.map((d) => ({
            actorUserId: null,
            organisationId: d.organisation_id,
            workingGroupId: d.working_group_id,
            action: 'referral.reminded',
            subjectType: 'referral',
            subjectId: d.id,
            change: { clusterId: d.cluster_id, status: d.status },
          })),
        );
        return due.length;
      });
      total += n;
      if (n < BATCH) break;
    }
    if (total > 0) this.logger.log(`reminded ${total} referral(s)`);
    return total;
  }
}
