import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { scorePair, type SharedFingerprint } from '@parallax/matching';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { KeysService } from '../keys/keys.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { REVEAL_POLICY, type RevealPolicy } from '../overlaps/reveal-policy.js';

interface SharedRow {
  other_case: string;
  other_org: string;
  kind: string;
  fp: Buffer;
}

interface CaseHead {
  id: string;
  working_group_id: string;
  organisation_id: string;
  reference: string;
  epoch: number;
  withdrawn_at: Date | null;
}

/**
 * Incremental matching: when a case's fingerprints change, find the other
 * organisations' cases that share a fingerprint (index on group, epoch,
 * fingerprint), score each pair with libs/matching, and bring the overlap
 * table in line — create, update or retract. Idempotent: running it twice
 * changes nothing the second time, so the queue may deliver a job twice.
 */
@Injectable()
export class MatchingService implements OnModuleInit {
  private readonly logger = new Logger('Matching');

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeysService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly cases: CasesService,
    @Inject(REVEAL_POLICY) private readonly reveal: RevealPolicy,
  ) {}

  onModuleInit(): void {
    this.jobs.onMatchCase((ids) => this.matchCases(ids));
    this.cases.setMatchTrigger((ids) => {
      // Fast path so a freshly registered case shows its overlaps at once; the
      // queued job repeats the work harmlessly if this attempt fails.
      void this.matchCases(ids).catch((e: unknown) => this.logger.warn(`Immediate matching deferred to the queue: ${String(e)}`));
    });
  }

  async matchCases(caseIds: string[]): Promise<void> {
    for (const id of caseIds) await this.matchCase(id);
  }

  async matchCase(caseId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // Serialise work on this case (job and fast path may overlap).
      const [head] = (await m.query(
        'SELECT id, working_group_id, organisation_id, reference, epoch, withdrawn_at FROM tracking_case WHERE id = $1 FOR UPDATE',
        [caseId],
      )) as CaseHead[];
      if (!head) return;
      const current = await this.keys.currentEpoch(m, head.working_group_id);
      const scores = head.withdrawn_at || head.epoch !== current ? new Map() : await this.scoreAgainstOthers(m, head);
      await this.reconcile(m, head, scores);
    });
  }

  private async scoreAgainstOthers(m: EntityManager, head: CaseHead): Promise<Map<string, { org: string; score: ReturnType<typeof scorePair> }>> {
    const shared = (await m.query(
      `SELECT o.case_id AS other_case, oc.organisation_id AS other_org, o.kind, o.fp
       FROM case_fingerprint mine
       JOIN case_fingerprint o ON o.working_group_id = mine.working_group_id AND o.epoch = mine.epoch AND o.fp = mine.fp
       JOIN tracking_case oc ON oc.id = o.case_id
       WHERE mine.case_id = $1 AND o.case_id <> $1 AND oc.organisation_id <> $2 AND oc.withdrawn_at IS NULL`,
      [head.id, head.organisation_id],
    )) as SharedRow[];
    const out = new Map<string, { org: string; score: ReturnType<typeof scorePair> }>();
    if (shared.length === 0) return out;

    const fps = [...new Map(shared.map((r) => [r.fp.toString('hex'), r.fp])).values()];
    const freq = new Map(
      ((await m.query(
        `SELECT encode(cf.fp, 'hex') AS fp, count(DISTINCT cf.case_id)::int AS n
         FROM case_fingerprint cf JOIN tracking_case t ON t.id = cf.case_id AND t.withdrawn_at IS NULL
         WHERE cf.working_group_id = $1 AND cf.epoch = $2 AND cf.fp = ANY($3) GROUP BY cf.fp`,
        [head.working_group_id, head.epoch, fps],
      )) as Array<{ fp: string; n: number }>).map((r) => [r.fp, r.n]),
    );
    const others = [...new Set(shared.map((r) => r.other_case))];
    const kinds = new Map(
      ((await m.query('SELECT case_id, array_agg(DISTINCT kind) AS kinds FROM case_fingerprint WHERE case_id = ANY($1) GROUP BY case_id', [
        [head.id, ...others],
      ])) as Array<{ case_id: string; kinds: string[] }>).map((r) => [r.case_id, new Set(r.kinds)]),
    );
    const byCase = new Map<string, { org: string; shared: SharedFingerprint[] }>();
    for (const r of shared) {
      const hex = r.fp.toString('hex');
      const entry = byCase.get(r.other_case) ?? { org: r.other_org, shared: [] };
      entry.shared.push({ kind: r.kind, fp: hex, frequency: freq.get(hex) ?? 2 });
      byCase.set(r.other_case, entry);
    }
    for (const [other, { org, shared: list }] of byCase) {
      const score = scorePair(list, { leftKinds: kinds.get(head.id) ?? new Set(), rightKinds: kinds.get(other) ?? new Set() });
      out.set(other, { org, score });
    }
    return out;
  }

  /** Creates, updates or retracts this case's overlaps to match the scores. */
  private async reconcile(m: EntityManager, head: CaseHead, scores: Map<string, { org: string; score: ReturnType<typeof scorePair> }>): Promise<void> {
    const existing = (await m.query(
      `SELECT id, case_a, case_b, retracted_at FROM overlap WHERE (case_a = $1 OR case_b = $1)`,
      [head.id],
    )) as Array<{ id: string; case_a: string; case_b: string; retracted_at: Date | null }>;
    const alerting = [...scores].filter(([, s]) => s.score.strength !== 'weak');
    const keep = new Set(alerting.map(([other]) => other));

    for (const o of existing) {
      const other = o.case_a === head.id ? o.case_b : o.case_a;
      if (!keep.has(other) && !o.retracted_at) {
        await m.query('UPDATE overlap SET retracted_at = now(), updated_at = now() WHERE id = $1', [o.id]);
        await this.audit.record(m, {
          actorUserId: null,
          workingGroupId: head.working_group_id,
          action: 'overlap.retract',
          subjectType: 'overlap',
          subjectId: o.id,
          change: { caseId: head.id },
        });
      }
    }

    for (const [other, { org, score }] of alerting) {
      const [caseA, caseB] = head.id < other ? [head.id, other] : [other, head.id];
      const [orgA, orgB] = head.id < other ? [head.organisation_id, org] : [org, head.organisation_id];
      const revealNow = await this.reveal.revealOnDetection(m, { workingGroupId: head.working_group_id, organisationIds: [orgA, orgB] });
      const [row] = (await m.query(
        `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds, revealed_at, revealed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9 THEN now() END, CASE WHEN $9 THEN 'agreement' END)
         ON CONFLICT (case_a, case_b) DO UPDATE SET
           score = excluded.score, strength = excluded.strength, matched_kinds = excluded.matched_kinds,
           retracted_at = NULL, updated_at = now()
         WHERE overlap.score IS DISTINCT FROM excluded.score OR overlap.strength IS DISTINCT FROM excluded.strength
           OR overlap.matched_kinds IS DISTINCT FROM excluded.matched_kinds OR overlap.retracted_at IS NOT NULL
         RETURNING id, (xmax = 0) AS inserted`,
        [head.working_group_id, caseA, caseB, orgA, orgB, score.score, score.strength, score.matched, revealNow],
      )) as Array<{ id: string; inserted: boolean }>;
      if (!row) continue; // unchanged: nothing to record
      await this.audit.record(m, {
        actorUserId: null,
        workingGroupId: head.working_group_id,
        action: row.inserted ? 'overlap.detect' : 'overlap.rescore',
        subjectType: 'overlap',
        subjectId: row.id,
        change: { caseA, caseB, score: score.score, strength: score.strength, matched: score.matched },
      });
      if (row.inserted) await this.notifyParties(m, row.id, head.working_group_id, [caseA, caseB], score);
    }
  }

  private async notifyParties(m: EntityManager, overlapId: string, wg: string, caseIds: string[], score: ReturnType<typeof scorePair>): Promise<void> {
    const parties = (await m.query('SELECT id, organisation_id, reference FROM tracking_case WHERE id = ANY($1)', [caseIds])) as Array<{
      id: string;
      organisation_id: string;
      reference: string;
    }>;
    for (const p of parties) {
      // Each side hears about its own case only.
      await this.notifications.notify(m, {
        recipientOrganisationId: p.organisation_id,
        workingGroupId: wg,
        kind: 'overlap.new',
        payload: { overlapId, caseId: p.id, caseReference: p.reference, strength: score.strength, matched: score.matched },
      });
    }
  }
}
