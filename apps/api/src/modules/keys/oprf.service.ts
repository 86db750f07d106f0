import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { OPRF_ELEMENT_BYTES } from '@parallax/fingerprint';
import { DataSource, type EntityManager } from 'typeorm';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { isFingerprintingMember } from './eligibility.js';
import { KeysRepository } from './keys.repository.js';
import { OprfAlerts } from './oprf-alerts.js';
import { OprfBudget, type Budget, type BudgetScope } from './oprf-budget.js';
import { OprfException } from './oprf.exception.js';
import { OprfPool } from './oprf-pool.js';
import { OprfRepository } from './oprf.repository.js';

/** Thrown inside the transaction so that it rolls back; handled after. */
class Refusal extends Error {
  constructor(
    readonly reason: { kind: 'budget'; scope: BudgetScope; budget: Budget } | { kind: 'invalid'; index: number },
  ) {
    super(reason.kind);
  }
}

const oprfPurpose = (wg: string, epoch: number) => `oprf-key/${wg}/${epoch}`;

/**
 * Hub side of the OPRF (RFC 9497): evaluates blinded elements under the
 * group epoch's key. This is the only way to turn a guess into a
 * fingerprint, so every call is bounded and watched:
 * - two daily budgets, one per organisation and one per user, each a base
 *   plus an allowance for every registered case that carries fingerprints
 *   (empty cases earn nothing), capped;
 * - one evaluation per GraphQL request (enforced at the edge, see
 *   common/graphql/one-oprf-per-request.ts);
 * - only the current epoch's key evaluates, checked in the database on
 *   every call, so a retired key never does, even from this replica's cache;
 * - every element is validated before any is evaluated, on a worker thread;
 * - every call is audited, refusals too, and coordinators hear of refusals
 *   and of unusual volumes of evaluations per case fingerprinted today.
 */
@Injectable()
export class OprfService {
  /** Decrypted hub OPRF keys by `group/epoch`; entries of retired epochs are dropped when seen. */
  private readonly oprfKeys = new Map<string, Uint8Array>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly keysRepository: KeysRepository,
    private readonly repository: OprfRepository,
    private readonly pool: OprfPool,
    private readonly budgets: OprfBudget,
    private readonly alerts: OprfAlerts,
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
      throw new OprfException(
        ErrorCode.BadUserInput,
        `Send between 1 and ${OPRF_MAX_BATCH} blinded elements per call`,
      );
    }
    const wrongLength = blinded.findIndex((b) => b.length !== OPRF_ELEMENT_BYTES);
    if (wrongLength >= 0) {
      throw new OprfException(
        ErrorCode.InvalidBlindedElement,
        `Each blinded element is ${OPRF_ELEMENT_BYTES} bytes (element ${wrongLength} is not); nothing was evaluated`,
        { index: String(wrongLength) },
      );
    }
    if (!isFingerprintingMember(actor, workingGroupId) || !actor.organisationId) {
      throw new OprfException(ErrorCode.NotFound, 'No such working group');
    }
    const organisationId = actor.organisationId;
    try {
      const result = await runAsTenant(this.dataSource, actor, async (m) => {
        const key = await this.currentKey(m, workingGroupId, epoch);
        if (!key)
          throw new OprfException(
            ErrorCode.StaleEpoch,
            'That key epoch is not current: fetch the group key again',
          );
        const count = blinded.length;
        const org = await this.budgets.reserveForOrganisation(m, organisationId, workingGroupId, count);
        // Throwing rolls the reservations back: a refused call uses no budget.
        if (org.used > org.allowed) throw new Refusal({ kind: 'budget', scope: 'organisation', budget: org });
        const user = await this.budgets.reserveForUser(m, actor.userId, organisationId, workingGroupId, count);
        if (user.used > user.allowed) throw new Refusal({ kind: 'budget', scope: 'user', budget: user });
        const outcome = await this.pool.evaluate(key, blinded);
        if (!outcome.ok) throw new Refusal({ kind: 'invalid', index: outcome.invalidIndex });
        await this.audit.record(m, {
          actorUserId: actor.userId,
          organisationId,
          workingGroupId,
          action: 'oprf.evaluate',
          subjectType: 'working_group',
          subjectId: workingGroupId,
          change: { epoch, count, usedToday: org.used, userUsedToday: user.used },
        });
        const unusual = await this.alerts.isUnusualVolume(m, organisationId, workingGroupId, org.used);
        return { evaluated: outcome.evaluated, budget: org, unusual };
      });
      if (result.unusual) await this.alerts.alertUnusualVolume(actor, organisationId, workingGroupId, result.unusual);
      return { evaluated: result.evaluated, budget: result.budget };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const { reason } = error;
      if (reason.kind === 'invalid') {
        await this.alerts.recordInvalidBatch(actor, organisationId, workingGroupId, epoch, blinded.length, reason.index);
        throw new OprfException(
          ErrorCode.InvalidBlindedElement,
          `Blinded element ${reason.index} is not a valid group element; nothing was evaluated or charged`,
          { index: String(reason.index) },
        );
      }
      await this.alerts.recordRefusal(actor, organisationId, workingGroupId, blinded.length, reason.scope, reason.budget);
      throw new OprfException(
        ErrorCode.BudgetExhausted,
        reason.scope === 'user'
          ? `Your own fingerprinting budget for today is used up (${reason.budget.allowed} evaluations). Register the cases fingerprinted so far, or try tomorrow; your coordinators have been told.`
          : `Fingerprinting budget for today is used up (${reason.budget.allowed} evaluations). Register the cases fingerprinted so far, or try tomorrow; your coordinators have been told.`,
        { scope: reason.scope, allowed: String(reason.budget.allowed) },
      );
    }
  }

  /** Today's usage and allowance of an organisation in a group (what `evaluateOprf` reports). */
  budget(m: EntityManager, organisationId: string, workingGroupId: string): Promise<Budget> {
    return this.budgets.budget(m, organisationId, workingGroupId);
  }

  /**
   * The hub's OPRF secret for a group epoch, only while that epoch is
   * current: the database says so on every call (a rotation on another
   * replica is seen at once), and a retired epoch's cached key is dropped.
   */
  async currentKey(m: EntityManager, workingGroupId: string, epoch: number): Promise<Uint8Array | null> {
    const cacheKey = `${workingGroupId}/${epoch}`;
    if (!(await this.repository.isCurrentEpoch(m, workingGroupId, epoch))) {
      // Stale: the group rotated; its current key is read again when next used.
      this.forget(workingGroupId);
      return null;
    }
    const cached = this.oprfKeys.get(cacheKey);
    if (cached) return cached;
    const sealed = await this.keysRepository.sealedOprfKey(m, workingGroupId, epoch);
    if (!sealed) return null;
    const key = new Uint8Array(this.runtime.secretBox.open(sealed, oprfPurpose(workingGroupId, epoch)));
    this.forget(workingGroupId, epoch);
    this.oprfKeys.set(cacheKey, key);
    return key;
  }

  /** Drops (and wipes) the cached keys of a group, but for epoch `keep`: when an epoch is found retired or a newer one loaded. */
  forget(workingGroupId: string, keep?: number): void {
    for (const [cacheKey, key] of this.oprfKeys) {
      if (cacheKey.startsWith(`${workingGroupId}/`) && cacheKey !== `${workingGroupId}/${keep}`) {
        key.fill(0);
        this.oprfKeys.delete(cacheKey);
      }
    }
  }

  /** How many keys this replica holds decrypted (for tests of the cache). */
  get cachedKeyCount(): number {
    return this.oprfKeys.size;
  }
}
