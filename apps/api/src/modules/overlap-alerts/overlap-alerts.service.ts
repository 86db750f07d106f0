import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode, isOverlapAlertLevel, type OverlapAlertLevel } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { AlertPolicy } from './alert-policy.js';
import { OverlapAlertsException } from './overlap-alerts.exception.js';
import { OverlapAlertsRepository, type CasePair } from './overlap-alerts.repository.js';

const ADMINS_ONLY = "Only an organisation's admins set its overlap alert level";

/**
 * An organisation's overlap alert level: read by its members, set by its
 * admins (audited with the change), and applied by matching when it decides
 * whom to notify of an overlap.
 */
@Injectable()
export class OverlapAlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OverlapAlertsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Sets the caller's own organisation's level; its admins only. Returns the organisation's id. */
  setLevel(actor: Actor, level: unknown): Promise<string> {
    // GraphQL checks the enum already; this guards every other caller.
    if (!isOverlapAlertLevel(level))
      throw new OverlapAlertsException(ErrorCode.BadUserInput, 'Unknown alert level', {
        field: 'level',
      });
    const organisationId = actor.organisationId;
    if (!organisationId || actor.role !== 'org_admin')
      throw new OverlapAlertsException(ErrorCode.Forbidden, ADMINS_ONLY);
    return runAsTenant(this.dataSource, actor, async (m) => {
      if (!(await this.repository.setLevel(m, organisationId, level)))
        throw new OverlapAlertsException(ErrorCode.Forbidden, ADMINS_ONLY);
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId,
        action: 'organisation.overlap_alert_level_set',
        subjectType: 'organisation',
        subjectId: organisationId,
        change: { level },
      });
      return organisationId;
    });
  }

  /** The level of the caller's own organisation (the resolver shows it to its members only). */
  level(actor: Actor, organisationId: string): Promise<OverlapAlertLevel> {
    return runAsTenant(this.dataSource, actor, (m) => this.repository.level(m, organisationId));
  }

  /**
   * For matching, in its batch transaction: the levels of the organisations
   * on either side of `pairs` (one query) and the strengths their overlaps
   * had before the batch (one query, rows locked until the batch commits).
   */
  async policyFor(
    m: EntityManager,
    pairs: ReadonlyArray<CasePair & { orgA: string; orgB: string }>,
  ): Promise<AlertPolicy> {
    if (pairs.length === 0) return new AlertPolicy(new Map(), []);
    const organisations = [...new Set(pairs.flatMap((p) => [p.orgA, p.orgB]))];
    return new AlertPolicy(
      await this.repository.levelsOf(m, organisations),
      await this.repository.storedStrengths(m, pairs),
    );
  }
}
