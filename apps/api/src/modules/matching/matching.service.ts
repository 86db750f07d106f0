import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CasesEvent, type CasesChangedEvent } from '../cases/cases.events.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OverlapAlertsService } from '../overlap-alerts/overlap-alerts.service.js';
import { REVEAL_POLICY, type RevealPolicy } from '../overlaps/reveal-policy.js';
import { MatchingRepository, type CaseHead, type OverlapRef } from './matching.repository.js';
import { overlapAlerts, retractionEntry, revealKey, writeEntry } from './overlap-outcomes.js';
import {
  candidateProbes,
  groupByCase,
  holderProbes,
  pairKey,
  Rarity,
  scoreCandidates,
  type AlertingPair,
} from './pair-scoring.js';

/** Cases matched in one transaction. */
const BATCH = 250;
/** Remembered "already matched at this version" entries (see `matched`). */
const MAX_REMEMBERED = 200_000;

/**
 * A case is matched while it is live, its organisation is a current member
 * of the group (not frozen by leaving), and it is fingerprinted under its
 * group's current key.
 */
function isMatchable(h: CaseHead): boolean {
  return !h.withdrawn_at && !h.frozen_at && h.member && h.epoch === h.current_epoch;
}

function byCasePair(x: AlertingPair, y: AlertingPair): number {
  return x.caseA < y.caseA ? -1 : x.caseA > y.caseA ? 1 : x.caseB < y.caseB ? -1 : 1;
}

/**
 * Incremental matching: when cases' fingerprints change, find the other
 * organisations' cases that share a fingerprint, score each pair with
 * libs/matching, and bring the overlap table in line — create, update or
 * retract. Idempotent: running it twice changes nothing the second time, so
 * the queue may deliver a job twice.
 *
 * Set-based, a batch of cases per transaction: a handful of statements per
 * batch, not per case or per pair (see MatchingRepository). Candidates come
 * only from fingerprints rare enough to add evidence (see libs/matching's
 * `contributesAnyLabel`); a pair that shares only fingerprints held by many
 * scores below any alert band, so this finds exactly the alerting pairs the
 * pairwise scan would, and each found pair is scored on all the
 * fingerprints it shares. Every overlap change, its alerts and its audit
 * entry commit together.
 *
 * A freshly changed case is matched at once in this process (the fast path,
 * on the cases module's after-commit event); its queued job, which exists so
 * that a crash loses nothing, then finds the case matched at the same version
 * and skips it (and the other way round when the job came first).
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
    private readonly repository: MatchingRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly alertLevels: OverlapAlertsService,
    private readonly jobs: JobsService,
    @Inject(REVEAL_POLICY) private readonly reveal: RevealPolicy,
  ) {}

  onModuleInit(): void {
    this.jobs.onMatchCase((ids) => this.matchQueued(ids));
  }

  /**
   * The fast path, so that a changed case shows its overlaps at once; the
   * queued job repeats the work if this attempt fails. Not awaited by the
   * emitter: the caller's response does not wait for matching.
   */
  @OnEvent(CasesEvent.Registered)
  @OnEvent(CasesEvent.FingerprintsReplaced)
  @OnEvent(CasesEvent.Withdrawn)
  onCasesChanged(event: CasesChangedEvent): void {
    const ids = event.caseIds;
    const run = this.matchBatches(ids, true).catch((e: unknown) =>
      this.logger.warn(`Immediate matching deferred to the queue: ${String(e)}`),
    );
    for (const id of ids) this.inFlight.set(id, run);
    void run.finally(() => {
      for (const id of ids) if (this.inFlight.get(id) === run) this.inFlight.delete(id);
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
    const running = [
      ...new Set(
        ids
          .map((id) => this.inFlight.get(id))
          .filter((p): p is Promise<unknown> => p !== undefined),
      ),
    ];
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
    for (let i = 0; i < ids.length; i += BATCH)
      await this.matchBatch(ids.slice(i, i + BATCH), skipMatched);
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
    const locked = await this.dataSource.transaction(async (m) => {
      const all = await this.repository.lockCases(m, ids);
      const heads = skipMatched ? all.filter((h) => this.matched.get(h.id) !== h.version) : all;
      if (heads.length === 0) return all;
      const active = heads.filter(isMatchable);
      const pairs =
        active.length > 0 ? await this.alertingPairs(m, active) : new Map<string, AlertingPair>();
      await this.reconcile(m, heads, pairs);
      return all;
    });
    this.remember(locked);
  }

  /**
   * The pairs of these cases with other organisations' cases that score in an
   * alert band: the cases' fingerprints, how rare each is in its group, the
   * cases holding a rare one, and each such pair scored on all it shares.
   */
  private async alertingPairs(
    m: EntityManager,
    heads: readonly CaseHead[],
  ): Promise<Map<string, AlertingPair>> {
    const byId = new Map(heads.map((h) => [h.id, h]));
    const mine = await this.repository.fingerprintsOf(m, [...byId.keys()]);
    const rarity = new Rarity(await this.repository.countHolders(m, holderProbes(byId, mine)));
    const candidates = await this.repository.findCandidates(m, candidateProbes(byId, mine, rarity));
    if (candidates.length === 0) return new Map();
    const held = groupByCase(mine);
    const outside = [...new Set(candidates.map((c) => c.other))].filter((id) => !held.has(id));
    groupByCase(await this.repository.fingerprintsOf(m, outside), held);
    return scoreCandidates(byId, candidates, held, rarity);
  }

  /**
   * Brings the batch's overlaps in line with the alerting pairs: retracts the
   * others, writes these, alerts each party whose alert level a new or
   * upgraded one reaches, and audits every change — all in the batch's
   * transaction.
   */
  private async reconcile(
    m: EntityManager,
    heads: readonly CaseHead[],
    pairs: ReadonlyMap<string, AlertingPair>,
  ): Promise<void> {
    const live = await this.repository.openOverlapsOf(
      m,
      heads.map((h) => h.id),
    );
    const retracted = await this.repository.retract(
      m,
      live.filter((o) => !pairs.has(pairKey(o.case_a, o.case_b))).map((o) => o.id),
    );
    const alerting = [...pairs.values()].sort(byCasePair);
    const reveal = await this.revealDecisions(m, alerting);
    // Levels and prior strengths, read before the upsert rewrites them.
    const policy = await this.alertLevels.policyFor(m, alerting);
    const written = await this.repository.upsertOverlaps(
      m,
      alerting.map((p) => ({
        workingGroupId: p.workingGroupId,
        caseA: p.caseA,
        caseB: p.caseB,
        orgA: p.orgA,
        orgB: p.orgB,
        score: p.score,
        strength: p.strength,
        matchedKinds: p.matched,
        reveal: reveal.get(revealKey(p)) ?? false,
      })),
    );
    const pairOf = (w: OverlapRef): AlertingPair => {
      const p = pairs.get(pairKey(w.case_a, w.case_b));
      if (!p) throw new Error(`Overlap ${w.id} written for no alerting pair`);
      return p;
    };
    await this.notifications.notifyMany(
      m,
      written.flatMap((w) => overlapAlerts(w, pairOf(w), policy)),
    );
    // Audit entries last: they hold the chain lock until commit.
    await this.audit.recordMany(m, [
      ...retracted.map((o) => retractionEntry(o, heads)),
      ...written.map((w) => writeEntry(w, pairOf(w))),
    ]);
  }

  /** Whether each pair of organisations learns the other's identity at detection (one answer per group and pair). */
  private async revealDecisions(
    m: EntityManager,
    alerting: readonly AlertingPair[],
  ): Promise<Map<string, boolean>> {
    const decisions = new Map<string, boolean>();
    for (const p of alerting) {
      const key = revealKey(p);
      if (!decisions.has(key)) {
        decisions.set(
          key,
          await this.reveal.revealOnDetection(m, {
            workingGroupId: p.workingGroupId,
            organisationIds: [p.orgA, p.orgB],
          }),
        );
      }
    }
    return decisions;
  }
}
