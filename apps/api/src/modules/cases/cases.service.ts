import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Actor } from '@parallax/authz';
import { countFingerprintsByKind, ErrorCode, fingerprintCountProblem } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { isFingerprintingMember } from '../keys/eligibility.js';
import { KeysService } from '../keys/keys.service.js';
import { CaseChangesService } from './case-changes.service.js';
import { CasesEvent, type CasesChangedEvent } from './cases.events.js';
import { CasesException } from './cases.exception.js';
import {
  CasesRepository,
  type CaseFields,
  type CaseRow,
  type FingerprintValue,
} from './cases.repository.js';

export type { CaseFields, CaseRow, FingerprintValue } from './cases.repository.js';

export interface NewCase extends CaseFields {
  idempotencyKey: string;
  epoch: number;
  fingerprints: FingerprintValue[];
  /** The record's idempotency keys under earlier key epochs (re-fingerprinting after a rotation). */
  supersedes?: string[] | null | undefined;
}

export interface CaseRegistrationResult {
  idempotencyKey: string;
  caseId: string;
  created: boolean;
}

/** Deduplicated, so a repeated fingerprint in the input cannot fail the insert. */
function uniqueFingerprints(list: readonly FingerprintValue[]): FingerprintValue[] {
  const seen = new Map<string, FingerprintValue>();
  for (const f of list) seen.set(`${f.kind}\u0000${f.fp}`, f);
  return [...seen.values()];
}

/**
 * A case describes one person, padded (docs/probe-resistance.md): each
 * kind's count is a size class within its limit, and the whole set within
 * MAX_FINGERPRINTS_PER_CASE. Counted after deduplication, so repeating a
 * fingerprint cannot fake the padding.
 */
function checkedFingerprints(list: readonly FingerprintValue[]): FingerprintValue[] {
  const fps = uniqueFingerprints(list);
  const problem = fingerprintCountProblem(countFingerprintsByKind(fps));
  if (problem === 'CASE_TOO_MANY_FINGERPRINTS')
    throw new CasesException(
      ErrorCode.CaseTooManyFingerprints,
      'A case describes one person: it carries more fingerprints than one person yields',
    );
  if (problem === 'CASE_FINGERPRINTS_NOT_PADDED')
    throw new CasesException(
      ErrorCode.CaseFingerprintsNotPadded,
      'Each kind of fingerprint must be padded to a size class (4, 8, 16, 32, 64 or 128)',
    );
  return fps;
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
  private readonly logger = new Logger('Cases');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CasesRepository,
    private readonly audit: AuditService,
    private readonly keys: KeysService,
    private readonly jobs: JobsService,
    private readonly events: EventEmitter2,
    private readonly changes: CaseChangesService,
  ) {}

  async register(
    actor: Actor,
    workingGroupId: string,
    cases: NewCase[],
  ): Promise<CaseRegistrationResult[]> {
    const organisationId = this.assertMember(actor, workingGroupId);
    // Every case is checked before any commits: a refused batch registers nothing.
    const checked = cases.map((c) => checkedFingerprints(c.fingerprints));
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
        await this.assertCurrentEpoch(m, workingGroupId, input.epoch);
        const earlier = await this.repository.findEarlierEpochCase(
          m,
          organisationId,
          workingGroupId,
          input.epoch,
          input.supersedes ?? [],
          input.reference.trim(),
        );
        if (earlier) {
          await this.refingerprintEarlier(m, actor, earlier, input, fps);
          return { caseId: earlier.id, created: false, refingerprinted: true };
        }
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
        await this.enqueueMatch(m, caseId);
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

  /**
   * The same record registered again after a key rotation: the case of the
   * earlier epoch gets the new fingerprints, epoch and idempotency key, and
   * keeps its id, overlaps' history, verdicts and reference. Not counted
   * toward the unusual-change alerts (every member re-fingerprints after a
   * rotation, once per case: the case is then current and this path closes).
   */
  private async refingerprintEarlier(
    m: EntityManager,
    actor: Actor,
    c: CaseRow,
    input: NewCase,
    fps: FingerprintValue[],
  ): Promise<void> {
    await this.repository.deleteFingerprints(m, c.id);
    await this.repository.insertFingerprints(m, c.id, c.working_group_id, input.epoch, fps);
    await this.repository.setFingerprintEpoch(m, c.id, input.epoch, fps.length);
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
    await this.enqueueMatch(m, c.id);
  }

  async update(
    actor: Actor,
    caseId: string,
    fields: Partial<CaseFields> & { epoch?: number; fingerprints?: FingerprintValue[] },
  ): Promise<CaseRow> {
    if ((fields.fingerprints === undefined) !== (fields.epoch === undefined)) {
      throw new CasesException(
        ErrorCode.BadUserInput,
        'Send the epoch together with the new fingerprints',
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
      if (fps && fields.epoch !== undefined) {
        await this.assertCurrentEpoch(m, c.working_group_id, fields.epoch);
        await this.repository.deleteFingerprints(m, caseId);
        await this.repository.insertFingerprints(m, caseId, c.working_group_id, fields.epoch, fps);
        await this.repository.setFingerprintEpoch(m, caseId, fields.epoch, fps.length);
        await this.enqueueMatch(m, caseId);
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
      await this.enqueueMatch(m, caseId);
      return this.loadOwn(m, actor, caseId, false);
    });
    this.emit(CasesEvent.Withdrawn, [caseId]);
    return row;
  }

  async list(actor: Actor, workingGroupId: string | undefined): Promise<CaseRow[]> {
    const organisationId = actor.organisationId;
    if (!organisationId) return [];
    return runAsTenant(this.dataSource, actor, (m) =>
      this.repository.listOfOrganisation(m, organisationId, workingGroupId ?? null),
    );
  }

  /** The caller's sealed copies of the group's earlier keys (see CasesRepository.earlierGrantsOf). */
  async earlierGroupKeyGrants(
    actor: Actor,
    workingGroupId: string,
  ): Promise<Array<{ epoch: number; sealedKey: string; senderUserId: string | null }>> {
    this.assertMember(actor, workingGroupId);
    const rows = await runAsTenant(this.dataSource, actor, (m) =>
      this.repository.earlierGrantsOf(m, actor.userId, workingGroupId),
    );
    return rows.map((r) => ({
      epoch: r.epoch,
      sealedKey: Buffer.from(r.sealed_key).toString('base64'),
      senderUserId: r.granted_by,
    }));
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

  /** The caller's organisation, when it may fingerprint in the group. */
  private assertMember(actor: Actor, workingGroupId: string): string {
    if (!actor.organisationId || !isFingerprintingMember(actor, workingGroupId)) {
      throw new CasesException(ErrorCode.NotFound, 'No such working group');
    }
    return actor.organisationId;
  }

  private async assertCurrentEpoch(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
  ): Promise<void> {
    const current = await this.keys.currentEpoch(m, workingGroupId);
    if (current !== epoch) {
      throw new CasesException(
        ErrorCode.StaleEpoch,
        'The fingerprints were made under an old group key: fetch the key and fingerprint again',
      );
    }
  }

  /** The job table is the hub's, not a tenant's: enqueue with the owner's rights, in the same transaction. */
  private async enqueueMatch(m: EntityManager, caseId: string): Promise<void> {
    await withOwnerRights(m, async () => {
      try {
        await this.jobs.enqueueMatch(m, caseId);
      } catch (e) {
        this.logger.error(`Could not enqueue matching for case ${caseId}: ${String(e)}`);
        throw e;
      }
    });
  }

  private emit(event: (typeof CasesEvent)[keyof typeof CasesEvent], caseIds: string[]): void {
    const payload: CasesChangedEvent = { caseIds };
    this.events.emit(event, payload);
  }
}
