import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { ClusterFormationService } from '../clusters/cluster-formation.service.js';
import { isFingerprintingMember } from '../keys/eligibility.js';
import { KeysService } from '../keys/keys.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { assertFingerprintingMember } from './case-access.js';
import { CaseChangesService } from './case-changes.service.js';
import { assertBatchSchema, assertEpochAndSchema } from './case-epoch-rules.js';
import { checkedFingerprints } from './case-fingerprint-rules.js';
import { CaseMatchQueue } from './case-match-queue.service.js';
import { CaseReimportService } from './case-reimport.service.js';
import { assertReferenceFollowsPattern } from './case-reference-rules.js';
import type { CaseFields, CaseRow, FingerprintValue, NewCase } from './case-rows.js';
import { CasesEvent, type CasesChangedEvent } from './cases.events.js';
import { CasesException } from './cases.exception.js';
import { CasesRepository } from './cases.repository.js';

export type { CaseFields, CaseRow, FingerprintValue, NewCase } from './case-rows.js';

export interface CaseRegistrationResult {
  idempotencyKey: string;
  caseId: string;
  created: boolean;
}

/**
 * Tracking cases. Each registration is its own transaction (case, its
 * fingerprints, its audit entry and its matching job commit together), keyed
 * by the client's idempotency key: an upload cut off half-way leaves whole
 * cases only, and its retry registers each case once. After commit a
 * `CasesEvent` lets this replica match at once, ahead of the queued job.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CasesRepository,
    private readonly audit: AuditService,
    private readonly keys: KeysService,
    private readonly events: EventEmitter2,
    private readonly changes: CaseChangesService,
    private readonly reimport: CaseReimportService,
    private readonly matchQueue: CaseMatchQueue,
    private readonly organisations: OrganisationsService,
    private readonly clusters: ClusterFormationService,
  ) {}

  async register(
    actor: Actor,
    workingGroupId: string,
    cases: NewCase[],
  ): Promise<CaseRegistrationResult[]> {
    const organisationId = assertFingerprintingMember(actor, workingGroupId);
    // Every case is checked before any commits: a refused batch registers nothing.
    const checked = cases.map((c) => checkedFingerprints(c.fingerprints));
    await this.checkBatchSchema(actor, workingGroupId, cases);
    const out: CaseRegistrationResult[] = [];
    const created: string[] = [];
    const refingerprinted: string[] = [];
    for (const [index, input] of cases.entries()) {
      const fps = checked[index] as FingerprintValue[];
      const result = await runAsTenant(this.dataSource, actor, async (m) => {
        const existing = await this.repository.findIdByIdempotencyKey(
          m,
          organisationId,
          input.idempotencyKey,
        );
        if (existing) return { caseId: existing, created: false, refingerprinted: false };
        await this.assertCurrentEpoch(m, workingGroupId, input.epoch, input.schemaVersion);
        // The same record re-imported after a key rotation updates its earlier case.
        const earlier = await this.reimport.findEarlier(m, organisationId, workingGroupId, input);
        if (earlier) {
          await this.reimport.refingerprint(m, actor, earlier, input, fps);
          return { caseId: earlier.id, created: false, refingerprinted: true };
        }
        // Read in this case's transaction: nothing is written for a case that does not follow it.
        const pattern = await this.organisations.referencePattern(m, organisationId);
        assertReferenceFollowsPattern(pattern, input.reference);
        const caseId = await this.repository.insert(m, {
          workingGroupId,
          organisationId,
          reference: input.reference.trim(),
          status: input.status,
          situationTags: input.situationTags,
          crimeTags: input.crimeTags,
          epoch: input.epoch,
          fingerprintCount: fps.length,
          idempotencyKey: input.idempotencyKey,
          createdBy: actor.userId,
        });
        if (!caseId) {
          // A concurrent retry won the race: report its case.
          return {
            caseId:
              (await this.repository.findIdByIdempotencyKey(
                m,
                organisationId,
                input.idempotencyKey,
              )) ?? '',
            created: false,
            refingerprinted: false,
          };
        }
        await this.repository.insertFingerprints(m, caseId, workingGroupId, input.epoch, fps);
        await this.audit.record(m, {
          actorUserId: actor.userId,
          organisationId,
          workingGroupId,
          action: 'case.register',
          subjectType: 'case',
          subjectId: caseId,
          change: {
            reference: input.reference,
            status: input.status,
            epoch: input.epoch,
            fingerprints: fps.length,
          },
        });
        await this.matchQueue.enqueue(m, caseId);
        return { caseId, created: true, refingerprinted: false };
      });
      out.push({
        idempotencyKey: input.idempotencyKey,
        caseId: result.caseId,
        created: result.created,
      });
      if (result.created) created.push(result.caseId);
      if (result.refingerprinted) refingerprinted.push(result.caseId);
    }
    if (created.length) this.emit(CasesEvent.Registered, created);
    if (refingerprinted.length) this.emit(CasesEvent.FingerprintsReplaced, refingerprinted);
    return out;
  }

  async update(
    actor: Actor,
    caseId: string,
    fields: Partial<CaseFields> & {
      epoch?: number;
      schemaVersion?: string;
      fingerprints?: FingerprintValue[];
    },
  ): Promise<CaseRow> {
    if (
      (fields.fingerprints === undefined) !== (fields.epoch === undefined) ||
      (fields.fingerprints === undefined) !== (fields.schemaVersion === undefined)
    ) {
      throw new CasesException(
        ErrorCode.BadUserInput,
        'Send the epoch and the schema version together with the new fingerprints',
      );
    }
    const fps = fields.fingerprints ? checkedFingerprints(fields.fingerprints) : null;
    const row = await runAsTenant(this.dataSource, actor, async (m) => {
      const c = await this.loadOwn(m, actor, caseId, true);
      if (c.withdrawn_at)
        throw new CasesException(ErrorCode.CaseWithdrawn, 'This case was withdrawn');
      if (c.frozen_at)
        throw new CasesException(
          ErrorCode.CaseFrozen,
          'Your organisation left this working group: the case is frozen',
        );
      // An unchanged reference passes: cases from before the pattern keep theirs.
      if (fields.reference !== undefined && fields.reference.trim() !== c.reference) {
        const pattern = await this.organisations.referencePattern(m, c.organisation_id);
        assertReferenceFollowsPattern(pattern, fields.reference);
      }
      const changes: string[] = [];
      if (
        fields.reference !== undefined ||
        fields.status !== undefined ||
        fields.situationTags !== undefined ||
        fields.crimeTags !== undefined
      ) {
        await this.repository.updateFields(m, caseId, {
          reference: fields.reference?.trim(),
          status: fields.status,
          situationTags: fields.situationTags,
          crimeTags: fields.crimeTags,
        });
        changes.push('fields');
      }
      if (fps && fields.epoch !== undefined && fields.schemaVersion !== undefined) {
        await this.assertCurrentEpoch(m, c.working_group_id, fields.epoch, fields.schemaVersion);
        await this.repository.replaceFingerprints(m, caseId, c.working_group_id, fields.epoch, fps);
        await this.matchQueue.enqueue(m, caseId);
        changes.push('fingerprints');
        // Never silent: the other parties of its overlaps see that the case changed.
        await this.changes.recordOnOverlaps(m, c, 'changed');
        // Re-fingerprinting a case of an earlier epoch (after a rotation) is expected, not counted.
        if (c.epoch === fields.epoch) await this.changes.count(m, actor, c, 'fingerprint_changes');
      }
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId: c.working_group_id,
        action: 'case.update',
        subjectType: 'case',
        subjectId: caseId,
        change: {
          changes,
          status: fields.status,
          epoch: fields.epoch,
          fingerprints: fps?.length,
        },
      });
      return this.loadOwn(m, actor, caseId, false);
    });
    if (fields.fingerprints) this.emit(CasesEvent.FingerprintsReplaced, [caseId]);
    return row;
  }

  /** Deletes the fingerprints, retracts the overlaps (through matching) and keeps the audit trail. */
  async withdraw(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await runAsTenant(this.dataSource, actor, async (m) => {
      const c = await this.loadOwn(m, actor, caseId, true);
      if (c.withdrawn_at) return c;
      await this.changes.recordOnOverlaps(m, c, 'withdrawn');
      await this.repository.deleteFingerprints(m, caseId);
      await this.repository.markWithdrawn(m, caseId);
      // Out of its cluster too (its organisation with it when no other case of it is left there).
      await this.clusters.onCaseLeft(m, caseId, {
        userId: actor.userId,
        organisationId: actor.organisationId,
      });
      if (!c.frozen_at) await this.changes.count(m, actor, c, 'withdrawals');
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId: c.working_group_id,
        action: 'case.withdraw',
        subjectType: 'case',
        subjectId: caseId,
        change: { caseId },
      });
      await this.matchQueue.enqueue(m, caseId);
      return this.loadOwn(m, actor, caseId, false);
    });
    this.emit(CasesEvent.Withdrawn, [caseId]);
    return row;
  }

  async get(actor: Actor, caseId: string): Promise<CaseRow> {
    return runAsTenant(this.dataSource, actor, (m) => this.loadOwn(m, actor, caseId, false));
  }

  private async loadOwn(
    m: EntityManager,
    actor: Actor,
    caseId: string,
    forUpdate: boolean,
  ): Promise<CaseRow> {
    const c = await this.repository.findOfOrganisation(m, actor, caseId, forUpdate);
    if (!c) throw new CasesException(ErrorCode.NotFound, 'No such case');
    if (forUpdate && !isFingerprintingMember(actor, c.working_group_id)) {
      throw new CasesException(
        ErrorCode.Forbidden,
        'Only investigators and admins of a member organisation change cases',
      );
    }
    return c;
  }

  /** Made under the group's current key and its epoch's fingerprint schema (see case-epoch-rules.ts). */
  private async assertCurrentEpoch(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
    schemaVersion: string,
  ): Promise<void> {
    assertEpochAndSchema(await this.keys.currentEpochSchema(m, workingGroupId), {
      epoch,
      schemaVersion,
    });
  }

  /**
   * A batch whose fingerprints for the current epoch follow another schema
   * is refused whole before any case commits (each case checks again in its
   * own transaction, against a rotation in between).
   */
  private async checkBatchSchema(
    actor: Actor,
    workingGroupId: string,
    cases: readonly NewCase[],
  ): Promise<void> {
    const current = await runAsTenant(this.dataSource, actor, (m) =>
      this.keys.currentEpochSchema(m, workingGroupId),
    );
    assertBatchSchema(current, cases);
  }

  private emit(event: (typeof CasesEvent)[keyof typeof CasesEvent], caseIds: string[]): void {
    const payload: CasesChangedEvent = { caseIds };
    this.events.emit(event, payload);
  }
}
