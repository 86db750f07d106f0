import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { transition } from '@parallax/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notifyCluster } from '../clusters/cluster-notify.js';
import { ARRANGEMENT_DEADLINES_QUEUE } from '../jobs/job-queues.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { eventDetail } from './arrangement-effects.js';
import { ArrangementStore } from './arrangement.store.js';
import { ArrangementsRepository } from './arrangements.repository.js';

/** Arrangements escalated per read of the due list. */
const BATCH = 100;

/**
 * Escalates proposals left unanswered past their deadline, as the hub
 * (the rule book's `system` actor), from the `arrangement-deadlines` sweep
 * every minute. One transaction per arrangement, each locked with SKIP
 * LOCKED: replicas sweeping at once share the work and never wait on each
 * other, and a second sweep finds nothing left to do.
 */
@Injectable()
export class ArrangementDeadlinesService implements OnModuleInit {
  private readonly logger = new Logger('ArrangementDeadlines');

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ArrangementStore,
    private readonly repository: ArrangementsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.onSweep(ARRANGEMENT_DEADLINES_QUEUE, async (now) => {
      const n = await this.escalateDue(now);
      if (n > 0) this.logger.log(`Escalated ${n} arrangement(s) past their deadline`);
    });
  }

  /** Escalates every arrangement due at `now`; returns how many. */
  async escalateDue(now: Date): Promise<number> {
    let escalated = 0;
    for (;;) {
      const due = await this.dataSource.transaction((m) =>
        this.repository.dueForEscalation(m, now, BATCH),
      );
      let done = 0;
      for (const clusterId of due) if (await this.escalate(clusterId, now)) done += 1;
      escalated += done;
      // Stop when the list is exhausted, or when another sweep holds what is left.
      if (due.length < BATCH || done === 0) return escalated;
    }
  }

  /** In the hub's own context: the arrangement is no tenant's act. */
  private escalate(clusterId: string, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const stored = await this.store.loadDue(m, clusterId, now);
      if (!stored || stored.status === 'merged') return false;
      const action = { type: 'deadline_passed', at: now.toISOString() } as const;
      const result = transition(stored.state, { kind: 'system' }, action);
      if (!result.ok) return false;
      const detail = eventDetail(action, stored.state, result.state, result.outcomes);
      const saved = await this.store.save(m, clusterId, stored.state, result.state, {
        kind: 'escalated',
        actorUserId: null,
        actorOrganisationId: null,
        byCoordinator: false,
        detail,
        noteMessageId: null,
      });
      if (!saved) return false;
      await notifyCluster(m, this.notifications, {
        clusterId,
        workingGroupId: stored.workingGroupId,
        kind: 'arrangement.escalated',
        payload: { outcome: 'escalated', version: result.state.version, reason: 'deadline' },
        coordinators: true,
      });
      // Last: the audit chain's lock is held until commit.
      await this.audit.recordMany(
        m,
        result.outcomes.map((o) => ({
          actorUserId: null,
          workingGroupId: stored.workingGroupId,
          action: `arrangement.${o}`,
          subjectType: 'cluster',
          subjectId: clusterId,
          change: detail,
        })),
      );
      return true;
    });
  }
}
