import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { KeysRepository } from './keys.repository.js';
import { OprfRepository } from './oprf.repository.js';

export interface Budget {
  used: number;
  allowed: number;
}

export type BudgetScope = 'organisation' | 'user';

/**
 * The two daily OPRF budgets, one per organisation and one per user: each a
 * base plus an allowance for every registered case that carries
 * fingerprints (empty cases earn nothing), capped.
 */
@Injectable()
export class OprfBudget {
  constructor(
    private readonly keysRepository: KeysRepository,
    private readonly repository: OprfRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** Today's usage and allowance of an organisation in a group (what `evaluateOprf` reports). */
  async budget(m: EntityManager, organisationId: string, workingGroupId: string): Promise<Budget> {
    return {
      used: await this.keysRepository.evaluationsToday(m, organisationId, workingGroupId),
      allowed: await this.organisationAllowance(m, organisationId, workingGroupId),
    };
  }

  /** Counts the request against the organisation's day (row-locked), rolled back with the transaction if refused. */
  async reserveForOrganisation(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    count: number,
  ): Promise<Budget> {
    const used = await this.keysRepository.addEvaluations(m, organisationId, workingGroupId, count);
    return { used, allowed: await this.organisationAllowance(m, organisationId, workingGroupId) };
  }

  /** The same for the user: a base, plus the per-case allowance for the user's own fingerprinted cases, capped. */
  async reserveForUser(
    m: EntityManager,
    userId: string,
    organisationId: string,
    workingGroupId: string,
    count: number,
  ): Promise<Budget> {
    const { OPRF_USER_BUDGET_BASE, OPRF_BUDGET_PER_CASE, OPRF_USER_DAILY_CAP } = this.runtime.config;
    const used = await this.repository.addUserEvaluations(m, userId, workingGroupId, count);
    const cases = await this.repository.userFingerprintedCaseCount(m, userId, organisationId, workingGroupId);
    return { used, allowed: Math.min(OPRF_USER_DAILY_CAP, OPRF_USER_BUDGET_BASE + OPRF_BUDGET_PER_CASE * cases) };
  }

  private async organisationAllowance(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    const { OPRF_BUDGET_BASE, OPRF_BUDGET_PER_CASE, OPRF_DAILY_CAP } = this.runtime.config;
    const cases = await this.repository.fingerprintedCaseCount(m, organisationId, workingGroupId);
    return Math.min(OPRF_DAILY_CAP, OPRF_BUDGET_BASE + OPRF_BUDGET_PER_CASE * cases);
  }
}
