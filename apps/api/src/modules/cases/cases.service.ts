import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { isFingerprintingMember } from '../keys/eligibility.js';
import { KeysService } from '../keys/keys.service.js';
import { CasesException } from './cases.exception.js';

export interface FingerprintValue {
  kind: string;
  fp: string;
}

export interface CaseFields {
  reference: string;
  status: string;
  situationTags: string[];
  crimeTags: string[];
}

export interface NewCase extends CaseFields {
  idempotencyKey: string;
  epoch: number;
  fingerprints: FingerprintValue[];
}

export interface CaseRow {
  id: string;
  working_group_id: string;
  organisation_id: string;
  reference: string;
  status: string;
  situation_tags: string[];
  crime_tags: string[];
  epoch: number;
  fingerprint_count: number;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  current_epoch: number | null;
}

export type MatchTrigger = (caseIds: string[]) => void;

const CASE_SELECT = `
  SELECT c.*, (SELECT e.epoch FROM working_group_epoch e WHERE e.working_group_id = c.working_group_id AND e.retired_at IS NULL) AS current_epoch
  FROM tracking_case c`;

function fpBytes(fp: string): Buffer {
  return Buffer.from(fp, 'base64url');
}

/** Deduplicated, so a repeated fingerprint in the input cannot fail the insert. */
function uniqueFingerprints(list: FingerprintValue[]): FingerprintValue[] {
  const seen = new Map<string, FingerprintValue>();
  for (const f of list) seen.set(`${f.kind}\u0000${f.fp}`, f);
  return [...seen.values()];
}

/**
 * Tracking cases. Each registration is its own transaction (case, its
 * fingerprints, its audit entry and its matching job commit together), keyed
 * by the client's idempotency key: an upload cut off half-way leaves whole
 * cases only, and its retry registers each case once.
 */
@Injectable()
export class CasesService {
  private readonly logger = new Logger('Cases');
  private matchNow: MatchTrigger = () => undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly keys: KeysService,
    private readonly jobs: JobsService,
  ) {}

  /** Lets the matching module run a fresh case at once, ahead of its queued job. */
  setMatchTrigger(trigger: MatchTrigger): void {
    this.matchNow = trigger;
  }

  async register(actor: Actor, workingGroupId: string, cases: NewCase[]): Promise<Array<{ idempotencyKey: string; caseId: string; created: boolean }>> {
    this.assertMember(actor, workingGroupId);
    const out: Array<{ idempotencyKey: string; caseId: string; created: boolean }> = [];
    const created: string[] = [];
    for (const input of cases) {
      const result = await runAsTenant(this.dataSource, actor, async (m) => {
        const existing = (await m.query(
          'SELECT id FROM tracking_case WHERE organisation_id = $1 AND idempotency_key = $2',
          [actor.organisationId, input.idempotencyKey],
        )) as Array<{ id: string }>;
        if (existing[0]) return { caseId: existing[0].id, created: false };
        await this.assertCurrentEpoch(m, workingGroupId, input.epoch);
        const fps = uniqueFingerprints(input.fingerprints);
        const [row] = (await m.query(
          `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, situation_tags, crime_tags,
             epoch, fingerprint_count, idempotency_key, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (organisation_id, idempotency_key) DO NOTHING RETURNING id`,
          [workingGroupId, actor.organisationId, input.reference.trim(), input.status, input.situationTags, input.crimeTags, input.epoch, fps.length, input.idempotencyKey, actor.userId],
        )) as Array<{ id: string }>;
        if (!row) {
          // A concurrent retry won the race: report its case.
          const [winner] = (await m.query('SELECT id FROM tracking_case WHERE organisation_id = $1 AND idempotency_key = $2', [
            actor.organisationId,
            input.idempotencyKey,
          ])) as Array<{ id: string }>;
          return { caseId: winner?.id ?? '', created: false };
        }
        await this.insertFingerprints(m, row.id, workingGroupId, input.epoch, fps);
        await this.audit.record(m, {
          actorUserId: actor.userId,
          organisationId: actor.organisationId,
          workingGroupId,
          action: 'case.register',
          subjectType: 'case',
          subjectId: row.id,
          change: { reference: input.reference, status: input.status, epoch: input.epoch, fingerprints: fps.length },
        });
        await this.enqueue(m, row.id);
        return { caseId: row.id, created: true };
      });
      out.push({ idempotencyKey: input.idempotencyKey, ...result });
      if (result.created) created.push(result.caseId);
    }
    if (created.length) this.matchNow(created);
    return out;
  }

  async update(actor: Actor, caseId: string, fields: Partial<CaseFields> & { epoch?: number; fingerprints?: FingerprintValue[] }): Promise<CaseRow> {
    if ((fields.fingerprints === undefined) !== (fields.epoch === undefined)) {
      throw new CasesException(ErrorCode.BadUserInput, 'Send the epoch together with the new fingerprints');
    }
    const row = await runAsTenant(this.dataSource, actor, async (m) => {
      const c = await this.loadOwn(m, actor, caseId, true);
      if (c.withdrawn_at) throw new CasesException(ErrorCode.Conflict, 'This case was withdrawn');
      const changes: string[] = [];
      if (fields.reference !== undefined || fields.status !== undefined || fields.situationTags !== undefined || fields.crimeTags !== undefined) {
        await m.query(
          `UPDATE tracking_case SET reference = coalesce($2, reference), status = coalesce($3::case_status, status),
             situation_tags = coalesce($4, situation_tags), crime_tags = coalesce($5, crime_tags), updated_at = now()
           WHERE id = $1`,
          [caseId, fields.reference?.trim() ?? null, fields.status ?? null, fields.situationTags ?? null, fields.crimeTags ?? null],
        );
        changes.push('fields');
      }
      if (fields.fingerprints && fields.epoch !== undefined) {
        await this.assertCurrentEpoch(m, c.working_group_id, fields.epoch);
        const fps = uniqueFingerprints(fields.fingerprints);
        await m.query('DELETE FROM case_fingerprint WHERE case_id = $1', [caseId]);
        await this.insertFingerprints(m, caseId, c.working_group_id, fields.epoch, fps);
        await m.query('UPDATE tracking_case SET epoch = $2, fingerprint_count = $3, updated_at = now() WHERE id = $1', [caseId, fields.epoch, fps.length]);
        await this.enqueue(m, caseId);
        changes.push('fingerprints');
      }
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId: c.working_group_id,
        action: 'case.update',
        subjectType: 'case',
        subjectId: caseId,
        change: { changes, status: fields.status, epoch: fields.epoch, fingerprints: fields.fingerprints?.length },
      });
      return this.loadOwn(m, actor, caseId, false);
    });
    if (fields.fingerprints) this.matchNow([caseId]);
    return row;
  }

  /** Deletes the fingerprints, retracts the overlaps (through matching) and keeps the audit trail. */
  async withdraw(actor: Actor, caseId: string): Promise<CaseRow> {
    const row = await runAsTenant(this.dataSource, actor, async (m) => {
      const c = await this.loadOwn(m, actor, caseId, true);
      if (c.withdrawn_at) return c;
      await m.query('DELETE FROM case_fingerprint WHERE case_id = $1', [caseId]);
      await m.query('UPDATE tracking_case SET withdrawn_at = now(), fingerprint_count = 0, updated_at = now() WHERE id = $1', [caseId]);
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId: actor.organisationId,
        workingGroupId: c.working_group_id,
        action: 'case.withdraw',
        subjectType: 'case',
        subjectId: caseId,
        change: { caseId },
      });
      await this.enqueue(m, caseId);
      return this.loadOwn(m, actor, caseId, false);
    });
    this.matchNow([caseId]);
    return row;
  }

  async list(actor: Actor, workingGroupId: string | undefined): Promise<CaseRow[]> {
    return runAsTenant(this.dataSource, actor, (m) =>
      m.query(`${CASE_SELECT} WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.working_group_id = $2) ORDER BY c.created_at DESC LIMIT 5000`, [
        actor.organisationId,
        workingGroupId ?? null,
      ]),
    );
  }

  async get(actor: Actor, caseId: string): Promise<CaseRow> {
    return runAsTenant(this.dataSource, actor, (m) => this.loadOwn(m, actor, caseId, false));
  }

  private async loadOwn(m: EntityManager, actor: Actor, caseId: string, forUpdate: boolean): Promise<CaseRow> {
    const rows = (await m.query(`${CASE_SELECT} WHERE c.id = $1 AND c.organisation_id = $2${forUpdate ? ' FOR UPDATE OF c' : ''}`, [
      caseId,
      actor.organisationId,
    ])) as CaseRow[];
    const c = rows[0];
    if (!c) throw new CasesException(ErrorCode.NotFound, 'No such case');
    if (forUpdate && !isFingerprintingMember(actor, c.working_group_id)) {
      throw new CasesException(ErrorCode.Forbidden, 'Only investigators and admins of a member organisation change cases');
    }
    return c;
  }

  private assertMember(actor: Actor, workingGroupId: string): void {
    if (!actor.organisationId || !isFingerprintingMember(actor, workingGroupId)) {
      throw new CasesException(ErrorCode.NotFound, 'No such working group');
    }
  }

  private async assertCurrentEpoch(m: EntityManager, workingGroupId: string, epoch: number): Promise<void> {
    const current = await this.keys.currentEpoch(m, workingGroupId);
    if (current !== epoch) {
      throw new CasesException(ErrorCode.Conflict, 'The fingerprints were made under an old group key: fetch the key and fingerprint again');
    }
  }

  private async insertFingerprints(m: EntityManager, caseId: string, wg: string, epoch: number, fps: FingerprintValue[]): Promise<void> {
    for (let i = 0; i < fps.length; i += 1000) {
      const chunk = fps.slice(i, i + 1000);
      await m.query(
        `INSERT INTO case_fingerprint (case_id, working_group_id, epoch, kind, fp)
         SELECT $1, $2, $3, k, f FROM unnest($4::text[], $5::bytea[]) AS t(k, f)`,
        [caseId, wg, epoch, chunk.map((f) => f.kind), chunk.map((f) => fpBytes(f.fp))],
      );
    }
  }

  /** The job table is the hub's, not a tenant's: enqueue with the owner's rights, in the same transaction. */
  private async enqueue(m: EntityManager, caseId: string): Promise<void> {
    await m.query('RESET ROLE');
    try {
      await this.jobs.enqueueMatch(m, caseId);
    } catch (e) {
      this.logger.error(`Could not enqueue matching for case ${caseId}: ${String(e)}`);
      throw e;
    } finally {
      await m.query('SET LOCAL ROLE parallax_tenant');
    }
  }
}
