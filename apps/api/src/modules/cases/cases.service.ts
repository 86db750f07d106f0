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
import { CaseChangesService } from './case-changes.service.js';
import { assertEpochAndSchema } from './case-epoch-rules.js';
import { checkedFingerprints } from './case-fingerprint-rules.js';
import { CaseMatchQueue } from './case-match-queue.service.js';
import {
  CaseRegistrationService,
  type CaseRegistrationResult,
} from './case-registration.service.js';
import { assertReferenceFollowsPattern } from './case-reference-rules.js';
import type { CaseFields, CaseRow, FingerprintValue, NewCase } from './case-rows.js';
import { CasesEvent, emitCasesChanged } from './cases.events.js';
import { CasesException } from './cases.exception.js';
import { CasesRepository } from './cases.repository.js';

export type { CaseRegistrationResult } from './case-registration.service.js';
export type { CaseFields, CaseRow, FingerprintValue, NewCase } from './case-rows.js';

/**
 * Tracking cases of the caller's organisation: reading one, changing it and
 * withdrawing it, each change with its audit entry in one transaction.
 * Registration lives in CaseRegistrationService; this service is the
 * module's exported face and passes it on.
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
    private readonly matchQueue: CaseMatchQueue,
    private readonly organisations: OrganisationsService,
    private readonly clusters: ClusterFormationService,
    private readonly registration: CaseRegistrationService,
  ) {}

  /** See CaseRegistrationService.register. */
  async register(
    actor: Actor,
    workingGroupId: string,
    cases: NewCase[],
  ): Promise<CaseRegistrationResult[]> {
    return this.registration.register(actor, workingGroupId, cases);
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
    if (fields.fingerprints)
      emitCasesChanged(this.events, CasesEvent.FingerprintsReplaced, [caseId]);
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
    emitCasesChanged(this.events, CasesEvent.Withdrawn, [caseId]);
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
}
