import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { KeysRepository } from './keys.repository.js';
import type { Budget, BudgetScope } from './oprf-budget.js';
import { OprfRepository } from './oprf.repository.js';

/** Today's evaluations against the cases fingerprinted today, when they look like probing. */
export interface UnusualVolume {
  usedToday: number;
  casesToday: number;
}

/**
 * What the OPRF tells coordinators and the audit log beyond a successful
 * evaluation: unusual volumes, budget refusals and invalid batches. Each
 * runs in its own transaction, after the evaluation's has ended (a refusal
 * rolls that one back, and must still be recorded).
 */
@Injectable()
export class OprfAlerts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly organisations: OrganisationsService,
    private readonly keysRepository: KeysRepository,
    private readonly repository: OprfRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /**
   * Probing shows as many evaluations for few cases: a legitimate client
   * turns nearly every evaluation into a registered fingerprint. Returns the
   * figures when today's evaluations exceed the alert base plus an
   * allowance per case fingerprinted today, else null. Cases cannot buy
   * silence: the hub cannot tell padded dummy cases from real ones, so
   * beyond an absolute daily volume the coordinators are told whatever was
   * registered.
   */
  async isUnusualVolume(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    usedToday: number,
  ): Promise<UnusualVolume | null> {
    const { OPRF_ALERT_BASE, OPRF_ALERT_PER_CASE, OPRF_ALERT_ABSOLUTE } = this.runtime.config;
    if (usedToday <= OPRF_ALERT_BASE) return null;
    const casesToday = await this.repository.casesFingerprintedToday(m, organisationId, workingGroupId);
    const unusual =
      usedToday > OPRF_ALERT_ABSOLUTE || usedToday > OPRF_ALERT_BASE + OPRF_ALERT_PER_CASE * casesToday;
    return unusual ? { usedToday, casesToday } : null;
  }

  /** Tells the coordinators once per organisation, group and day (the flag is claimed atomically). */
  async alertUnusualVolume(
    actor: Actor,
    organisationId: string,
    workingGroupId: string,
    figures: UnusualVolume,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (!(await this.repository.claimVolumeAlert(m, organisationId, workingGroupId))) return;
      const org = await this.organisations.findById(m, organisationId);
      await this.notifications.notifyCoordinators(m, workingGroupId, 'oprf.unusual_volume', {
        organisationId,
        organisationName: org?.name ?? '',
        evaluationsToday: figures.usedToday,
        casesFingerprintedToday: figures.casesToday,
      });
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId,
        workingGroupId,
        action: 'oprf.unusual_volume',
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: figures,
      });
    });
  }

  /** A batch refused for an invalid element: nothing evaluated or charged, but audited. */
  async recordInvalidBatch(
    actor: Actor,
    organisationId: string,
    workingGroupId: string,
    epoch: number,
    count: number,
    index: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId,
        workingGroupId,
        action: 'oprf.invalid_batch',
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: { epoch, count, invalidIndex: index },
      });
    });
  }

  async recordRefusal(
    actor: Actor,
    organisationId: string,
    workingGroupId: string,
    count: number,
    scope: BudgetScope,
    budget: Budget,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const refusedToday = await this.keysRepository.addRefusals(m, organisationId, workingGroupId, count);
      const org = await this.organisations.findById(m, organisationId);
      // One alert per organisation and day is enough to prompt a coordinator.
      if (refusedToday === count) {
        await this.notifications.notifyCoordinators(m, workingGroupId, 'oprf.budget_exceeded', {
          organisationId,
          organisationName: org?.name ?? '',
          allowed: budget.allowed,
          scope,
        });
      }
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId,
        workingGroupId,
        action: 'oprf.budget_exceeded',
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: { requested: count, allowed: budget.allowed, refusedToday, scope },
      });
    });
  }
}
