import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { kindWeight, rarityDiscount, scorePair, type PairScore, type SharedFingerprint } from '@parallax/matching';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditInput } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { REVEAL_POLICY, type RevealPolicy } from '../overlaps/reveal-policy.js';

/** Cases matched in one transaction. */
const BATCH = 250;
/** Remembered "already matched at this version" entries (see `matched`). */
const MAX_REMEMBERED = 200_000;

interface CaseHead {
  id: string;
  working_group_id: string;
  organisation_id: string;
  reference: string;
  epoch: number;
  withdrawn_at: Date | null;
  /** What must be unchanged for a match to stay valid: updated_at, epoch and the group's current epoch. */
  version: string;
}

interface FpRow {
  case_id: string;
  kind: string;
  fp: Buffer;
}

interface Candidate {
  mine: CaseHead;
  other: string;
  otherOrg: string;
  otherReference: string;
}

interface PairResult {
  caseA: string;
  caseB: string;
  orgA: string;
  orgB: string;
  refA: string;
  refB: string;
  wg: string;
  score: PairScore;
}

/**
 * The most holders a fingerprint of `kind` can have and still add evidence:
 * at `frequency` ≥ 2·e^weight + 1 its rarity discount cancels its weight
 * (libs/matching: max(0, weight − ln((frequency − 1) / 2))). Counting stops
 * there: beyond it the exact count changes no score.
 */
export function contributingCap(kind: string): number {
  return Math.ceil(2 * Math.exp(kindWeight(kind)) + 1);
}

/**
 * Incremental matching: when cases' fingerprints change, find the other
 * organisations' cases that share a fingerprint (index on group, epoch,
 * fingerprint), score each pair with libs/matching, and bring the overlap
 * table in line — create, update or retract. Idempotent: running it twice
 * changes nothing the second time, so the queue may deliver a job twice.
 *
 * Set-based, a batch of cases per transaction: a handful of statements per
 * batch, not per case or per pair. Candidates come only from fingerprints
 * rare enough to add evidence (see `contributingCap`); a pair that shares
 * only fingerprints held by many scores below any alert band, so this finds
 * exactly the alerting pairs the pairwise scan would, and each found pair is
 * scored on all the fingerprints it shares. Every overlap change and its
 * audit entry commit together.
 *
 * A freshly registered case is matched at once in this process (the fast
 * path); its queued job, which exists so that a crash loses nothing, then
 * finds the case matched at the same version and skips it (and the other
 * way round when the job came first).
 */
@Injectable()
export class MatchingService implements OnModuleInit {
  private readonly logger = new Logger('Matching');
  /** Case id → version at which this process last matched it. */
  private readonly matched = new Map<string, string>();
  /** Case id → the fast-path run that includes it. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly cases: CasesService,
    @Inject(REVEAL_POLICY) private readonly reveal: RevealPolicy,
  ) {}

  onModuleInit(): void {
    this.jobs.onMatchCase((ids) => this.matchQueued(ids));
    this.cases.setMatchTrigger((ids) => {
      // Fast path so a freshly registered case shows its overlaps at once; the
      // queued job repeats the work if this attempt fails.
      const run = this.matchBatches(ids, true).catch((e: unknown) => this.logger.warn(`Immediate matching deferred to the queue: ${String(e)}`));
      for (const id of ids) this.inFlight.set(id, run);
      void run.finally(() => {
        for (const id of ids) if (this.inFlight.get(id) === run) this.inFlight.delete(id);
      });
    });
  }

  /** Matches the given cases (all of them, whatever was done before). */
  async matchCases(caseIds: string[]): Promise<void> {
    await this.matchBatches(caseIds, false);
  }

  async matchCase(caseId: string): Promise<void> {
    await this.matchCases([caseId]);
  }

  /** The queue's handler: waits for a fast-path run of the same cases, then matches what it did not. */
  private async matchQueued(caseIds: string[]): Promise<void> {
    const ids = [...new Set(caseIds)];
    const running = [...new Set(ids.map((id) => this.inFlight.get(id)).filter((p): p is Promise<unknown> => p !== undefined))];
    if (running.length > 0) await Promise.allSettled(running);
    await this.matchBatches(ids, true);
  }

  /**
   * Batch by batch. With `skipMatched`, a case this process already matched
   * at its current version is left alone: any match that started after the
   * case's last change is valid for it (a pair whose other case changed
   * later is brought in line by that case's own match).
   */
  private async matchBatches(caseIds: string[], skipMatched: boolean): Promise<void> {
    const ids = [...new Set(caseIds)];
    for (let i = 0; i < ids.length; i += BATCH) await this.matchBatch(ids.slice(i, i + BATCH), skipMatched);
  }

  private remember(heads: readonly CaseHead[]): void {
    for (const h of heads) {
      this.matched.delete(h.id);
      this.matched.set(h.id, h.version);
    }
    for (const id of this.matched.keys()) {
      if (this.matched.size <= MAX_REMEMBERED) break;
      this.matched.delete(id);
    }
  }

  private async matchBatch(ids: string[], skipMatched: boolean): Promise<void> {
    const done = await this.dataSource.transaction(async (m) => {
      // Serialise work on these cases (job and fast path may overlap); in id order, against deadlocks.
      const locked = (await m.query(
        `SELECT c.id, c.working_group_id, c.organisation_id, c.reference, c.epoch, c.withdrawn_at,
                c.updated_at::text || '|' || c.epoch || '|' || coalesce(e.epoch::text, '-') AS version,
                e.epoch AS current_epoch
         FROM tracking_case c
         LEFT JOIN working_group_epoch e ON e.working_group_id = c.working_group_id AND e.retired_at IS NULL
         WHERE c.id = ANY($1) ORDER BY c.id FOR UPDATE OF c`,
        [ids],
      )) as Array<CaseHead & { current_epoch: number | null }>;
      const heads = skipMatched ? locked.filter((h) => this.matched.get(h.id) !== h.version) : locked;
      if (heads.length === 0) return locked;
      const active = heads.filter((h) => !h.withdrawn_at && h.epoch === h.current_epoch);
      const pairs = active.length > 0 ? await this.scoreAgainstOthers(m, active) : new Map<string, PairResult>();
      await this.reconcile(m, heads, pairs);
      return locked;
    });
    this.remember(done);
  }

  private async scoreAgainstOthers(m: EntityManager, heads: CaseHead[]): Promise<Map<string, PairResult>> {
    const byId = new Map(heads.map((h) => [h.id, h]));
    const mineFps = (await m.query('SELECT case_id, kind, fp FROM case_fingerprint WHERE case_id = ANY($1)', [heads.map((h) => h.id)])) as FpRow[];

    // How many cases of the group hold each of these fingerprints, counted up
    // to the point where more would change no score. A withdrawn case holds
    // no fingerprints (withdrawal deletes them), so every holder counts.
    const distinct = new Map<string, { wg: string; epoch: number; fp: Buffer; cap: number }>();
    for (const r of mineFps) {
      const h = byId.get(r.case_id) as CaseHead;
      const key = `${h.working_group_id}|${h.epoch}|${r.fp.toString('hex')}`;
      const cap = contributingCap(r.kind);
      const seen = distinct.get(key);
      if (!seen) distinct.set(key, { wg: h.working_group_id, epoch: h.epoch, fp: r.fp, cap });
      else if (cap > seen.cap) seen.cap = cap;
    }
    const entries = [...distinct.values()];
    const counted = (await m.query(
      `SELECT f.wg, f.epoch, f.fp,
              (SELECT count(*) FROM (SELECT 1 FROM case_fingerprint cf
                                     WHERE cf.working_group_id = f.wg AND cf.epoch = f.epoch AND cf.fp = f.fp LIMIT f.cap) s)::int AS n
       FROM unnest($1::uuid[], $2::int[], $3::bytea[], $4::int[]) AS f(wg, epoch, fp, cap)`,
      [entries.map((e) => e.wg), entries.map((e) => e.epoch), entries.map((e) => e.fp), entries.map((e) => e.cap)],
    )) as Array<{ wg: string; epoch: number; fp: Buffer; n: number }>;
    const frequency = new Map(counted.map((r) => [`${r.wg}|${r.epoch}|${r.fp.toString('hex')}`, r.n]));
    const freqOf = (h: CaseHead, fp: Buffer): number => frequency.get(`${h.working_group_id}|${h.epoch}|${fp.toString('hex')}`) ?? 1;

    // Candidates: other organisations' cases sharing a fingerprint that adds evidence.
    const generating = mineFps.filter((r) => {
      const n = freqOf(byId.get(r.case_id) as CaseHead, r.fp);
      return n >= 2 && kindWeight(r.kind) - rarityDiscount(n) > 0;
    });
    if (generating.length === 0) return new Map();
    const found = (await m.query(
      `SELECT DISTINCT g.mine, o.case_id AS other, oc.organisation_id AS other_org, oc.reference AS other_reference
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::bytea[]) AS g(mine, wg, epoch, org, fp)
       JOIN case_fingerprint o ON o.working_group_id = g.wg AND o.epoch = g.epoch AND o.fp = g.fp
       JOIN tracking_case oc ON oc.id = o.case_id
       WHERE o.case_id <> g.mine AND oc.organisation_id <> g.org AND oc.withdrawn_at IS NULL`,
      [
        generating.map((r) => r.case_id),
        generating.map((r) => (byId.get(r.case_id) as CaseHead).working_group_id),
        generating.map((r) => (byId.get(r.case_id) as CaseHead).epoch),
        generating.map((r) => (byId.get(r.case_id) as CaseHead).organisation_id),
        generating.map((r) => r.fp),
      ],
    )) as Array<{ mine: string; other: string; other_org: string; other_reference: string }>;
    if (found.length === 0) return new Map();
    const candidates: Candidate[] = found.map((r) => ({ mine: byId.get(r.mine) as CaseHead, other: r.other, otherOrg: r.other_org, otherReference: r.other_reference }));

    // Everything each candidate holds: the shared fingerprints and its kinds.
    const fpsOf = new Map<string, FpRow[]>();
    for (const r of mineFps) (fpsOf.get(r.case_id) ?? fpsOf.set(r.case_id, []).get(r.case_id))?.push(r);
    const outside = [...new Set(candidates.map((c) => c.other))].filter((id) => !fpsOf.has(id));
    if (outside.length > 0) {
      const rows = (await m.query('SELECT case_id, kind, fp FROM case_fingerprint WHERE case_id = ANY($1)', [outside])) as FpRow[];
      for (const r of rows) (fpsOf.get(r.case_id) ?? fpsOf.set(r.case_id, []).get(r.case_id))?.push(r);
    }
    const kindsOf = (id: string): Set<string> => new Set((fpsOf.get(id) ?? []).map((r) => r.kind));

    const pairs = new Map<string, PairResult>();
    for (const c of candidates) {
      const [caseA, caseB] = c.mine.id < c.other ? [c.mine.id, c.other] : [c.other, c.mine.id];
      const key = `${caseA} ${caseB}`;
      if (pairs.has(key)) continue; // both cases in this batch: one score for the pair
      const theirs = new Set((fpsOf.get(c.other) ?? []).map((r) => r.fp.toString('hex')));
      const shared: SharedFingerprint[] = [];
      for (const r of fpsOf.get(c.mine.id) ?? []) {
        const hex = r.fp.toString('hex');
        if (theirs.has(hex)) shared.push({ kind: r.kind, fp: hex, frequency: freqOf(c.mine, r.fp) });
      }
      const score = scorePair(shared, { leftKinds: kindsOf(c.mine.id), rightKinds: kindsOf(c.other) });
      if (score.strength === 'weak') continue;
      const mineIsA = caseA === c.mine.id;
      pairs.set(key, {
        caseA,
        caseB,
        orgA: mineIsA ? c.mine.organisation_id : c.otherOrg,
        orgB: mineIsA ? c.otherOrg : c.mine.organisation_id,
        refA: mineIsA ? c.mine.reference : c.otherReference,
        refB: mineIsA ? c.otherReference : c.mine.reference,
        wg: c.mine.working_group_id,
        score,
      });
    }
    return pairs;
  }

  /** Creates, updates or retracts the batch's overlaps to match the alerting pairs. */
  private async reconcile(m: EntityManager, heads: CaseHead[], pairs: Map<string, PairResult>): Promise<void> {
    const ids = heads.map((h) => h.id);
    const existing = (await m.query(
      `SELECT id, case_a, case_b FROM overlap WHERE (case_a = ANY($1) OR case_b = ANY($1)) AND retracted_at IS NULL`,
      [ids],
    )) as Array<{ id: string; case_a: string; case_b: string }>;
    const batch = new Set(ids);
    const stale = existing.filter((o) => !pairs.has(`${o.case_a} ${o.case_b}`));
    // (TypeORM answers an UPDATE with [rows, affected].)
    const retracted = stale.length
      ? ((
          (await m.query('UPDATE overlap SET retracted_at = now(), updated_at = now() WHERE id = ANY($1) AND retracted_at IS NULL RETURNING id, case_a, case_b', [
            stale.map((o) => o.id),
          ])) as [Array<{ id: string; case_a: string; case_b: string }>, number]
        )[0] ?? [])
      : [];

    const alerting = [...pairs.values()].sort((x, y) => (x.caseA < y.caseA ? -1 : x.caseA > y.caseA ? 1 : x.caseB < y.caseB ? -1 : 1));
    const reveal = new Map<string, boolean>();
    for (const p of alerting) {
      const key = `${p.wg} ${p.orgA} ${p.orgB}`;
      if (!reveal.has(key)) reveal.set(key, await this.reveal.revealOnDetection(m, { workingGroupId: p.wg, organisationIds: [p.orgA, p.orgB] }));
    }
    const written = alerting.length
      ? ((await m.query(
          `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds, revealed_at, revealed_by)
           SELECT wg, a, b, oa, ob, sc, st, string_to_array(mk, ','), CASE WHEN rv THEN now() END, CASE WHEN rv THEN 'agreement' END
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::float8[], $7::text[], $8::text[], $9::boolean[])
             AS t(wg, a, b, oa, ob, sc, st, mk, rv)
           ORDER BY a, b
           ON CONFLICT (case_a, case_b) DO UPDATE SET
             score = excluded.score, strength = excluded.strength, matched_kinds = excluded.matched_kinds,
             retracted_at = NULL, updated_at = now()
           WHERE overlap.score IS DISTINCT FROM excluded.score OR overlap.strength IS DISTINCT FROM excluded.strength
             OR overlap.matched_kinds IS DISTINCT FROM excluded.matched_kinds OR overlap.retracted_at IS NOT NULL
           RETURNING id, case_a, case_b, (xmax = 0) AS inserted`,
          [
            alerting.map((p) => p.wg),
            alerting.map((p) => p.caseA),
            alerting.map((p) => p.caseB),
            alerting.map((p) => p.orgA),
            alerting.map((p) => p.orgB),
            alerting.map((p) => p.score.score),
            alerting.map((p) => p.score.strength),
            alerting.map((p) => p.score.matched.join(',')),
            alerting.map((p) => reveal.get(`${p.wg} ${p.orgA} ${p.orgB}`) ?? false),
          ],
        )) as Array<{ id: string; case_a: string; case_b: string; inserted: boolean }>)
      : [];

    // Each side hears about its own case only.
    const news = written.filter((w) => w.inserted);
    if (news.length > 0) {
      const notes = news.flatMap((w) => {
        const p = pairs.get(`${w.case_a} ${w.case_b}`) as PairResult;
        return [
          [p.orgA, p.caseA, p.refA],
          [p.orgB, p.caseB, p.refB],
        ].map(([org, caseId, reference]) => ({
          org: org as string,
          wg: p.wg,
          payload: JSON.stringify({ overlapId: w.id, caseId, caseReference: reference, strength: p.score.strength, matched: p.score.matched }),
        }));
      });
      // NotificationsService.notify, for many at once.
      await m.query(
        `INSERT INTO notification (recipient_organisation_id, working_group_id, kind, payload)
         SELECT org, wg, 'overlap.new', payload::jsonb FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(org, wg, payload)`,
        [notes.map((n) => n.org), notes.map((n) => n.wg), notes.map((n) => n.payload)],
      );
    }

    // Audit entries last: they hold the chain lock until commit.
    const entries: AuditInput[] = [
      ...retracted.map((o): AuditInput => {
        const head = heads.find((h) => h.id === (batch.has(o.case_a) ? o.case_a : o.case_b)) as CaseHead;
        return {
          actorUserId: null,
          workingGroupId: head.working_group_id,
          action: 'overlap.retract',
          subjectType: 'overlap',
          subjectId: o.id,
          change: { caseId: head.id },
        };
      }),
      ...written.map((w): AuditInput => {
        const p = pairs.get(`${w.case_a} ${w.case_b}`) as PairResult;
        return {
          actorUserId: null,
          workingGroupId: p.wg,
          action: w.inserted ? 'overlap.detect' : 'overlap.rescore',
          subjectType: 'overlap',
          subjectId: w.id,
          change: { caseA: p.caseA, caseB: p.caseB, score: p.score.score, strength: p.score.strength, matched: p.score.matched },
        };
      }),
    ];
    await this.audit.recordMany(m, entries);
  }
}
