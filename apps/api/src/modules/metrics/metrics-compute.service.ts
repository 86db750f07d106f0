import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { buildRelease, canSpend, cryptoRandomSource, ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan } from '../../common/authorization/policy.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MetricsMeasureRepository } from './metrics-measure.repository.js';
import { metricsSettings } from './metrics-parameters.js';
import { lastCompleteMonth, periodBounds, releasablePeriod } from './metrics-period.js';
import { publishedCell, toRelease } from './metrics-views.js';
import { MetricsException } from './metrics.exception.js';
import { MetricsRepository, type GroupRow } from './metrics.repository.js';
import type { MetricsRelease } from './models/metrics-release.model.js';

/** Who computes: a coordinator, or the hub's monthly job (no user). */
interface Computer {
  userId: string | null;
  organisationId: string | null;
}

/**
 * Computing a release: the period and budget rules, then, in one
 * transaction under the group's lock, the measurement, `buildRelease` and
 * the stored published form with its ledger charge, its coordinators' alert
 * and its audit entry. The true counts exist only between the measurement
 * and `buildRelease`: they are never stored, logged, audited or returned.
 */
@Injectable()
export class MetricsComputeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MetricsRepository,
    private readonly measurement: MetricsMeasureRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** A coordinator computes a draft for a complete past month of the group. */
  async compute(actor: Actor, workingGroupId: string, period: string): Promise<MetricsRelease> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const group = await this.repository.group(m, workingGroupId);
      assertCan(actor, 'create', 'MetricsRelease', group ? { workingGroupId: group.id } : null);
      if (!group) throw new MetricsException(ErrorCode.NotFound, 'No such working group');
      const id = await this.computeIn(m, group, period, {
        userId: actor.userId,
        organisationId: actor.organisationId,
      });
      const row = await this.repository.release(m, id);
      if (!row) throw new MetricsException(ErrorCode.NotFound, 'No such release');
      return toRelease(row);
    });
  }

  /**
   * The monthly job's computation, in the hub's context (no actor):
   * 'exhausted' when the group's budget for the year would be exceeded
   * (nothing is stored), 'exists' when a release appeared meanwhile.
   */
  async computeAsJob(
    group: GroupRow,
    period: string,
  ): Promise<'computed' | 'exhausted' | 'exists'> {
    try {
      await this.dataSource.transaction((m) =>
        this.computeIn(m, group, period, { userId: null, organisationId: null }),
      );
      return 'computed';
    } catch (e) {
      if (e instanceof MetricsException && e.code === ErrorCode.PrivacyBudgetExhausted)
        return 'exhausted';
      if (e instanceof MetricsException && e.code === ErrorCode.MetricsReleaseExists)
        return 'exists';
      throw e;
    }
  }

  /** The groups the sweep should compute last month for: existing before its end, with no release of it yet. */
  async dueForSweep(now: Date): Promise<{ period: string; groups: GroupRow[] }> {
    const period = lastCompleteMonth(now);
    const end = periodBounds(period)?.end ?? now;
    return this.dataSource.transaction(async (m) => {
      const due: GroupRow[] = [];
      for (const g of await this.repository.groups(m)) {
        if (g.created_at.getTime() >= end.getTime()) continue;
        if (!(await this.repository.anyFor(m, g.id, period))) due.push(g);
      }
      return { period, groups: due };
    });
  }

  /**
   * Checks, measures, builds and stores one release with its ledger entry,
   * its coordinators' alert and its audit entry, in the caller's
   * transaction, under the group's lock.
   */
  private async computeIn(
    m: EntityManager,
    group: GroupRow,
    period: string,
    by: Computer,
  ): Promise<string> {
    const now = this.clock.now();
    const bounds = releasablePeriod(period, now, group.created_at);
    if (!bounds) {
      throw new MetricsException(
        ErrorCode.MetricsPeriodInvalid,
        'Choose a complete past month (YYYY-MM) in which the working group existed',
        { field: 'period' },
      );
    }
    const s = metricsSettings(this.runtime.config);
    await this.repository.lockGroup(m, group.id);
    // The job never recomputes a month the coordinators withheld (checked again under the lock).
    const taken =
      by.userId === null
        ? await this.repository.anyFor(m, group.id, period)
        : (await this.repository.current(m, group.id, period)) !== null;
    if (taken) {
      throw new MetricsException(
        ErrorCode.MetricsReleaseExists,
        'This month has a draft or published release already',
      );
    }
    const spent = await this.repository.spent(m, group.id, bounds.year);
    if (!canSpend(s.capMilli, spent, s.epsilonMilli)) {
      throw new MetricsException(
        ErrorCode.PrivacyBudgetExhausted,
        `This release would take the working group's privacy budget for ${bounds.year} over its cap`,
        { year: String(bounds.year) },
      );
    }
    const truth = await withOwnerRights(m, () =>
      this.measurement.measure(m, group.id, bounds.start, bounds.end),
    );
    const release = buildRelease(truth, s, cryptoRandomSource());
    const id = await this.repository.insertRelease(m, {
      workingGroupId: group.id,
      period,
      gridVersion: release.method.gridVersion,
      method: release.method,
      cells: release.cells.map(publishedCell),
      medianDaysToLead: release.medianDaysToLead,
      at: now,
      by: by.userId,
    });
    await this.repository.charge(m, {
      workingGroupId: group.id,
      year: bounds.year,
      releaseId: id,
      epsilonMilli: s.epsilonMilli,
      at: now,
      by: by.userId,
    });
    await withOwnerRights(m, () =>
      this.notifications.notifyCoordinators(m, group.id, 'metrics.draft_ready', {
        workingGroupId: group.id,
        releaseId: id,
        period,
      }),
    );
    await this.audit.record(m, {
      actorUserId: by.userId,
      organisationId: by.organisationId,
      workingGroupId: group.id,
      action: 'metrics.computed',
      subjectType: 'metrics_release',
      subjectId: id,
      change: {
        period,
        epsilonMilli: s.epsilonMilli,
        gridVersion: release.method.gridVersion,
        byJob: by.userId === null,
      },
    });
    return id;
  }
}
