import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode, GRID_VERSION, METRICS } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCan } from '../../common/authorization/policy.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { metricsSettings, type MetricsSettings } from './metrics-parameters.js';
import { lastCompleteMonth, periodBounds, shiftMonth } from './metrics-period.js';
import { epsilonOf, toBudget, toRelease } from './metrics-views.js';
import { MetricsException } from './metrics.exception.js';
import { MetricsRepository } from './metrics.repository.js';
import type { MetricsGrid } from './models/metrics-grid.model.js';
import type { MetricsRelease, WorkingGroupMetrics } from './models/metrics-release.model.js';
import type { PrivacyBudget } from './models/privacy-budget.model.js';

const noRelease = () => new MetricsException(ErrorCode.NotFound, 'No such release');

/**
 * Donor metrics as people use them: the public grid, the coordinators'
 * preview, publication or withholding of drafts and their ledger, and the
 * donors' reads of published releases of the groups they fund (audited).
 * Computing a release is `MetricsComputeService`'s.
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MetricsRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  settings(): MetricsSettings {
    return metricsSettings(this.runtime.config);
  }

  /** The public grid and the hub's parameters: the same for everyone, no tenant data. */
  grid(): MetricsGrid {
    const s = this.settings();
    return {
      version: GRID_VERSION,
      metrics: METRICS.map((d) => ({
        id: d.id,
        breakdown: d.breakdown,
        keys: [...d.keys],
        unit: d.unit,
        sensitivity: d.sensitivity,
        shareMilli: d.shareMilli,
        hxl: d.hxl,
        sumsTo: d.sumsTo,
      })),
      epsilonPerRelease: epsilonOf(s.epsilonMilli),
      epsilonCapPerYear: epsilonOf(s.capMilli),
      threshold: s.threshold,
      minOrganisations: s.minOrganisations,
      rounding: s.rounding,
    };
  }

  async publish(actor: Actor, releaseId: string, expectedVersion: number): Promise<MetricsRelease> {
    return this.decide(actor, releaseId, expectedVersion, 'published');
  }

  async withhold(
    actor: Actor,
    releaseId: string,
    expectedVersion: number,
  ): Promise<MetricsRelease> {
    return this.decide(actor, releaseId, expectedVersion, 'withheld');
  }

  /** Coordinators: every release of the group; donors: the published ones; anyone else: not found. */
  async releases(actor: Actor, workingGroupId: string): Promise<MetricsRelease[]> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const coordinates = actor.coordinatorOf.includes(workingGroupId);
      assertCan(actor, 'read', 'MetricsRelease', {
        workingGroupId,
        ...(coordinates ? {} : { status: 'published' as const }),
      });
      const rows = await this.repository.releasesOf(m, workingGroupId, coordinates);
      await this.auditRead(m, actor, workingGroupId, rows.length);
      return rows.map(toRelease);
    });
  }

  /** The published releases of the groups the caller funds or coordinates, by group, period ascending. */
  async published(
    actor: Actor,
    from?: string | null,
    to?: string | null,
  ): Promise<WorkingGroupMetrics[]> {
    const last = lastCompleteMonth(this.clock.now());
    const range = { from: from ?? shiftMonth(last, -23), to: to ?? last };
    for (const [field, value] of Object.entries(range)) {
      if (!periodBounds(value))
        throw new MetricsException(ErrorCode.MetricsPeriodInvalid, 'A month is written YYYY-MM', {
          field,
        });
    }
    const groupIds = [...new Set([...actor.donorOf, ...actor.coordinatorOf])];
    if (groupIds.length === 0) return [];
    return runAsTenant(this.dataSource, actor, async (m) => {
      const groups = await this.repository.groupNames(m, groupIds);
      const rows = await this.repository.published(m, groupIds, range.from, range.to);
      for (const g of groups) {
        await this.auditRead(
          m,
          actor,
          g.id,
          rows.filter((r) => r.working_group_id === g.id).length,
        );
      }
      return groups.map((g) => ({
        workingGroupId: g.id,
        workingGroupName: g.name,
        releases: rows.filter((r) => r.working_group_id === g.id).map(toRelease),
      }));
    });
  }

  async budget(actor: Actor, workingGroupId: string, year: number): Promise<PrivacyBudget> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      assertCan(actor, 'read', 'PrivacyBudget', { workingGroupId });
      const rows = await this.repository.ledger(m, workingGroupId, year);
      return toBudget(workingGroupId, year, this.settings().capMilli, rows);
    });
  }

  private async decide(
    actor: Actor,
    releaseId: string,
    expectedVersion: number,
    to: 'published' | 'withheld',
  ): Promise<MetricsRelease> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const row = await this.repository.release(m, releaseId, true);
      assertCan(
        actor,
        'update',
        'MetricsRelease',
        row ? { workingGroupId: row.working_group_id, status: row.status } : null,
      );
      if (!row) throw noRelease();
      if (row.status !== 'draft') {
        throw new MetricsException(
          ErrorCode.MetricsReleaseNotDraft,
          'Only a draft can be published or withheld',
          {
            status: row.status,
          },
        );
      }
      const stale = () =>
        new MetricsException(
          ErrorCode.MetricsReleaseVersionStale,
          'The release changed meanwhile: reload it',
          {
            version: String(row.version),
          },
        );
      if (row.version !== expectedVersion) throw stale();
      if (
        !(await this.repository.decide(
          m,
          row.id,
          expectedVersion,
          to,
          this.clock.now(),
          actor.userId,
        ))
      ) {
        throw stale();
      }
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId: row.working_group_id,
        action: to === 'published' ? 'metrics.published' : 'metrics.withheld',
        subjectType: 'metrics_release',
        subjectId: row.id,
        change: { period: row.period, version: expectedVersion + 1 },
      });
      return this.view(m, row.id);
    });
  }

  private async auditRead(
    m: EntityManager,
    actor: Actor,
    workingGroupId: string,
    releases: number,
  ) {
    await this.audit.recordRead(m, actor, {
      action: 'metrics.read',
      organisationId: actor.organisationId,
      workingGroupId,
      subjectType: 'working_group',
      subjectId: workingGroupId,
      change: { releases },
    });
  }

  private async view(m: EntityManager, id: string): Promise<MetricsRelease> {
    const row = await this.repository.release(m, id);
    if (!row) throw noRelease();
    return toRelease(row);
  }
}
