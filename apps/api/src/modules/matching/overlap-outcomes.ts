import { crossesAlertLevel } from '@parallax/domain';
import type { AuditInput } from '../audit/audit.service.js';
import type { NewNotification } from '../notifications/notifications.service.js';
import type { AlertPolicy } from '../overlap-alerts/alert-policy.js';
import type { CaseHead, OverlapRef, WrittenOverlap } from './matching.repository.js';
import type { AlertingPair } from './pair-scoring.js';

/*
 * What a reconciled batch writes besides the overlaps themselves: the alerts
 * and audit entries, built from the rows as pure functions.
 */

/** Pairs of the same organisations in the same group share one reveal decision. */
export function revealKey(p: AlertingPair): string {
  return `${p.workingGroupId} ${p.orgA} ${p.orgB}`;
}

/**
 * Each side hears about its own case only, and only of an overlap at or
 * above its organisation's alert level: `overlap.new` when the overlap is
 * created there, `overlap.upgraded` when a rescore lifts it across the level
 * (an overlap below it is stored, audited and listed, never notified).
 */
export function overlapAlerts(
  w: WrittenOverlap,
  p: AlertingPair,
  policy: AlertPolicy,
): NewNotification[] {
  const before = policy.strengthBefore(p.caseA, p.caseB);
  // Written, not inserted, yet not stored before: a concurrent batch inserted it and told both sides.
  if (!w.inserted && before === null) return [];
  const kind = w.inserted ? 'overlap.new' : 'overlap.upgraded';
  return [
    { org: p.orgA, caseId: p.caseA, reference: p.refA },
    { org: p.orgB, caseId: p.caseB, reference: p.refB },
  ]
    .filter((side) =>
      crossesAlertLevel(w.inserted ? null : before, p.strength, policy.levelOf(side.org)),
    )
    .map((side) => ({
      recipientOrganisationId: side.org,
      workingGroupId: p.workingGroupId,
      kind,
      payload: {
        overlapId: w.id,
        caseId: side.caseId,
        caseReference: side.reference,
        strength: p.strength,
        matched: p.matched,
        ...(kind === 'overlap.upgraded' && before ? { previousStrength: before } : {}),
      },
    }));
}

export function retractionEntry(o: OverlapRef, heads: readonly CaseHead[]): AuditInput {
  const head = heads.find((h) => h.id === o.case_a) ?? heads.find((h) => h.id === o.case_b);
  if (!head) throw new Error(`Retracted overlap ${o.id} touches no case of the batch`);
  return {
    actorUserId: null,
    workingGroupId: head.working_group_id,
    action: 'overlap.retract',
    subjectType: 'overlap',
    subjectId: o.id,
    change: { caseId: head.id },
  };
}

export function writeEntry(w: WrittenOverlap, p: AlertingPair): AuditInput {
  return {
    actorUserId: null,
    workingGroupId: p.workingGroupId,
    action: w.inserted ? 'overlap.detect' : 'overlap.rescore',
    subjectType: 'overlap',
    subjectId: w.id,
    // The band, not the raw score: audit entries are read by people too, and
    // a score to many decimals tells how many fingerprints matched.
    change: {
      caseA: p.caseA,
      caseB: p.caseB,
      strength: p.strength,
      matched: p.matched,
    },
  };
}
