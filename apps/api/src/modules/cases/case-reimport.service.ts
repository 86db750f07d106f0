import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { assertFingerprintingMember } from './case-access.js';
import { CaseChangesService } from './case-changes.service.js';
import { CaseMatchQueue } from './case-match-queue.service.js';
import { CaseReimportRepository } from './case-reimport.repository.js';
import type { CaseRow, FingerprintValue, NewCase } from './case-rows.js';
import { CasesRepository } from './cases.repository.js';

/**
 * The same record registered again after a key rotation: it updates the
 * case an earlier epoch registered instead of registering the record twice.
 */
@Injectable()
export class CaseReimportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly repository: CaseReimportRepository,
    private readonly audit: AuditService,
    private readonly changes: CaseChangesService,
    private readonly matchQueue: CaseMatchQueue,
  ) {}

  /** The organisation's live case of an earlier epoch that `input` re-imports (by `supersedes`, else by reference), locked. */
  async findEarlier(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    input: NewCase,
  ): Promise<CaseRow | null> {
    return this.repository.findEarlierEpochCase(
      m,
      organisationId,
      workingGroupId,
      input.epoch,
      input.supersedes ?? [],
      input.reference.trim(),
    );
  }

  /**
   * The case of the earlier epoch gets the new fingerprints, epoch and
   * idempotency key, and keeps its id, overlaps' history, verdicts and
   * reference. Not counted toward the unusual-change alerts (every member
   * re-fingerprints after a rotation, once per case: the case is then
   * current and this path closes).
   */
  async refingerprint(
    m: EntityManager,
    actor: Actor,
    c: CaseRow,
    input: NewCase,
    fps: FingerprintValue[],
  ): Promise<void> {
    await this.cases.replaceFingerprints(m, c.id, c.working_group_id, input.epoch, fps);
    await this.repository.setIdempotencyKey(m, c.id, input.idempotencyKey);
    await this.changes.recordOnOverlaps(m, c, 'changed');
    await this.audit.record(m, {
      actorUserId: actor.userId,
      organisationId: c.organisation_id,
      workingGroupId: c.working_group_id,
      action: 'case.refingerprint',
      subjectType: 'case',
      subjectId: c.id,
      change: { fromEpoch: c.epoch, epoch: input.epoch, fingerprints: fps.length },
    });
    await this.matchQueue.enqueue(m, c.id);
  }

  /** The caller's sealed copies of the group's earlier keys (see CaseReimportRepository.earlierGrantsOf). */
  async earlierGroupKeyGrants(
    actor: Actor,
    workingGroupId: string,
  ): Promise<Array<{ epoch: number; sealedKey: string; senderUserId: string | null }>> {
    assertFingerprintingMember(actor, workingGroupId);
    const rows = await runAsTenant(this.dataSource, actor, (m) =>
      this.repository.earlierGrantsOf(m, actor.userId, workingGroupId),
    );
    return rows.map((r) => ({
      epoch: r.epoch,
      sealedKey: Buffer.from(r.sealed_key).toString('base64'),
      senderUserId: r.granted_by,
    }));
  }
}
