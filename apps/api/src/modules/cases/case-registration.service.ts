import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Actor } from '@parallax/authz';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { KeysService } from '../keys/keys.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { assertFingerprintingMember } from './case-access.js';
import { assertBatchSchema, assertEpochAndSchema } from './case-epoch-rules.js';
import { checkedFingerprints } from './case-fingerprint-rules.js';
import { CaseMatchQueue } from './case-match-queue.service.js';
import { CaseReimportService } from './case-reimport.service.js';
import { assertReferenceFollowsPattern } from './case-reference-rules.js';
import type { FingerprintValue, NewCase } from './case-rows.js';
import { CasesEvent, emitCasesChanged } from './cases.events.js';
import { CasesException } from './cases.exception.js';
import { CasesRepository } from './cases.repository.js';

export interface CaseRegistrationResult {
  idempotencyKey: string;
  caseId: string;
  created: boolean;
}

interface RegisteredCase {
  caseId: string;
  created: boolean;
  refingerprinted: boolean;
}

/**
 * Registering cases. Each registration is its own transaction (case, its
 * fingerprints, its audit entry and its matching job commit together), keyed
 * by the client's idempotency key: an upload cut off half-way leaves whole
 * cases only, and its retry registers each case once. After commit a
 * `CasesEvent` lets this replica match at once, ahead of the queued job.
 */
@Injectable()
export class CaseRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CasesRepository,
    private readonly audit: AuditService,
    private readonly keys: KeysService,
    private readonly events: EventEmitter2,
    private readonly reimport: CaseReimportService,
    private readonly matchQueue: CaseMatchQueue,
    private readonly organisations: OrganisationsService,
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
      const result = await runAsTenant(this.dataSource, actor, (m) =>
        this.registerOne(m, actor, organisationId, workingGroupId, input, fps),
      );
      out.push({
        idempotencyKey: input.idempotencyKey,
        caseId: result.caseId,
        created: result.created,
      });
      if (result.created) created.push(result.caseId);
      if (result.refingerprinted) refingerprinted.push(result.caseId);
    }
    if (created.length) emitCasesChanged(this.events, CasesEvent.Registered, created);
    if (refingerprinted.length)
      emitCasesChanged(this.events, CasesEvent.FingerprintsReplaced, refingerprinted);
    return out;
  }

  /**
   * One case, in its own transaction `m`. A retry of a case already
   * registered under this idempotency key answers with that case, even when
   * the case would now be refused (a rotation, a new reference pattern).
   * The look-up by key runs only where it can find something (a refused
   * case, an earlier-epoch case, an insert that met the key): a first
   * registration is one insert, whose conflict check uses the unique index.
   */
  private async registerOne(
    m: EntityManager,
    actor: Actor,
    organisationId: string,
    workingGroupId: string,
    input: NewCase,
    fps: FingerprintValue[],
  ): Promise<RegisteredCase> {
    const registered = async (): Promise<RegisteredCase | null> => {
      const id = await this.repository.findIdByIdempotencyKey(
        m,
        organisationId,
        input.idempotencyKey,
      );
      return id ? { caseId: id, created: false, refingerprinted: false } : null;
    };
    try {
      // Made under the group's current key and its epoch's fingerprint schema (see case-epoch-rules.ts).
      assertEpochAndSchema(await this.keys.currentEpochSchema(m, workingGroupId), {
        epoch: input.epoch,
        schemaVersion: input.schemaVersion,
      });
      // The same record re-imported after a key rotation updates its earlier case.
      const earlier = await this.reimport.findEarlier(m, organisationId, workingGroupId, input);
      if (earlier) {
        const again = await registered();
        if (again) return again;
        await this.reimport.refingerprint(m, actor, earlier, input, fps);
        return { caseId: earlier.id, created: false, refingerprinted: true };
      }
      // Read in this case's transaction: nothing is written for a case that does not follow it.
      const pattern = await this.organisations.referencePattern(m, organisationId);
      assertReferenceFollowsPattern(pattern, input.reference);
    } catch (e) {
      if (!(e instanceof CasesException)) throw e;
      const again = await registered();
      if (again) return again;
      throw e;
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
    // Null: a retry, or a concurrent request, registered this key first.
    if (!caseId)
      return (await registered()) ?? { caseId: '', created: false, refingerprinted: false };
    await this.repository.insertFingerprints(m, caseId, workingGroupId, input.epoch, fps);
    // Queued before the audit entry, which holds the audit chain's lock until commit: the lock is held for one statement.
    await this.matchQueue.enqueue(m, caseId);
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
    return { caseId, created: true, refingerprinted: false };
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
}
