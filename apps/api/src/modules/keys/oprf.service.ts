import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { evaluate, OPRF_ELEMENT_BYTES } from '@parallax/fingerprint';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { isFingerprintingMember } from './eligibility.js';
import { KeysException } from './keys.exception.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { KeysRepository } from './keys.repository.js';
import { KeysService } from './keys.service.js';

export interface Budget {
  used: number;
  allowed: number;
}

class BudgetRefusal extends Error {
  constructor(readonly budget: Budget) {
    super('budget');
  }
}

/**
 * Hub side of the OPRF (RFC 9497): evaluates blinded elements under the
 * group epoch's key. This is the only way to turn a guess into a
 * fingerprint, so every call is counted against a daily budget per
 * organisation (a base, plus an allowance per registered case, capped),
 * audited, and refused beyond the budget with an alert to the coordinators.
 */
@Injectable()
export class OprfService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeysService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly organisations: OrganisationsService,
    private readonly repository: KeysRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async evaluate(
    actor: Actor,
    workingGroupId: string,
    epoch: number,
    blinded: Uint8Array[],
  ): Promise<{ evaluated: Uint8Array[]; budget: Budget }> {
    const { OPRF_MAX_BATCH } = this.runtime.config;
    if (blinded.length === 0 || blinded.length > OPRF_MAX_BATCH) {
      throw new KeysException(
        ErrorCode.BadUserInput,
        `Send between 1 and ${OPRF_MAX_BATCH} blinded elements per call`,
      );
    }
    if (blinded.some((b) => b.length !== OPRF_ELEMENT_BYTES)) {
      throw new KeysException(
        ErrorCode.BadUserInput,
        `Each blinded element is ${OPRF_ELEMENT_BYTES} bytes`,
      );
    }
    if (!isFingerprintingMember(actor, workingGroupId) || !actor.organisationId) {
      throw new KeysException(ErrorCode.NotFound, 'No such working group');
    }
    const organisationId = actor.organisationId;
    try {
      return await runAsTenant(this.dataSource, actor, async (m) => {
        const key = await this.keys.oprfKey(m, workingGroupId, epoch);
        if (!key)
          throw new KeysException(
            ErrorCode.StaleEpoch,
            'That key epoch is not current: fetch the group key again',
          );
        const budget = await this.reserve(m, organisationId, workingGroupId, blinded.length);
        // Throwing rolls the reservation back: a refused call uses no budget.
        if (budget.used > budget.allowed) throw new BudgetRefusal(budget);
        let evaluated: Uint8Array[];
        try {
          evaluated = await evaluate(key, blinded);
        } catch {
          throw new KeysException(
            ErrorCode.BadUserInput,
            'A blinded element is not a valid group element',
          );
        }
        await this.audit.record(m, {
          actorUserId: actor.userId,
          organisationId,
          workingGroupId,
          action: 'oprf.evaluate',
          subjectType: 'working_group',
          subjectId: workingGroupId,
          change: { epoch, count: blinded.length, usedToday: budget.used },
        });
        return { evaluated, budget };
      });
    } catch (error) {
      if (!(error instanceof BudgetRefusal)) throw error;
      await this.recordRefusal(actor, organisationId, workingGroupId, blinded.length, error.budget);
      throw new KeysException(
        ErrorCode.BudgetExhausted,
        `Fingerprinting budget for today is used up (${error.budget.allowed} evaluations). Register the cases fingerprinted so far, or try tomorrow; your coordinators have been told.`,
      );
    }
  }

  async budget(m: EntityManager, organisationId: string, workingGroupId: string): Promise<Budget> {
    const used = await this.repository.evaluationsToday(m, organisationId, workingGroupId);
    return {
      used,
      allowed: this.allowance(
        await this.repository.activeCaseCount(m, organisationId, workingGroupId),
      ),
    };
  }

  private allowance(cases: number): number {
    const { OPRF_BUDGET_BASE, OPRF_BUDGET_PER_CASE, OPRF_DAILY_CAP } = this.runtime.config;
    return Math.min(OPRF_DAILY_CAP, OPRF_BUDGET_BASE + OPRF_BUDGET_PER_CASE * cases);
  }

  /** Counts the request against today's usage (row-locked), rolled back with the transaction if refused. */
  private async reserve(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    count: number,
  ): Promise<Budget> {
    const used = await this.repository.addEvaluations(m, organisationId, workingGroupId, count);
    return {
      used,
      allowed: this.allowance(
        await this.repository.activeCaseCount(m, organisationId, workingGroupId),
      ),
    };
  }

  private async recordRefusal(
    actor: Actor,
    organisationId: string,
    workingGroupId: string,
    count: number,
    budget: Budget,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const refusedToday = await this.repository.addRefusals(
        m,
        organisationId,
        workingGroupId,
        count,
      );
      const org = await this.organisations.findById(m, organisationId);
      // One alert per organisation and day is enough to prompt a coordinator.
      if (refusedToday === count) {
        await this.notifications.notifyCoordinators(m, workingGroupId, 'oprf.budget_exceeded', {
          organisationId,
          organisationName: org?.name ?? '',
          allowed: budget.allowed,
        });
      }
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId,
        workingGroupId,
        action: 'oprf.budget_exceeded',
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: { requested: count, allowed: budget.allowed, refusedToday },
      });
    });
  }
}
