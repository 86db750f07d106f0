import {
  DEFAULT_OVERLAP_ALERT_LEVEL,
  type OverlapAlertLevel,
  type OverlapStrength,
} from '@parallax/domain';
import type { StoredStrength } from './overlap-alerts.repository.js';

/**
 * What a matching batch needs to decide whom to notify: each organisation's
 * alert level, and the strength each pair's overlap had before the batch
 * (null for a pair with no overlap row yet).
 */
export class AlertPolicy {
  private readonly before: Map<string, OverlapStrength>;

  constructor(
    private readonly levels: ReadonlyMap<string, OverlapAlertLevel>,
    stored: readonly StoredStrength[],
  ) {
    this.before = new Map(stored.map((s) => [`${s.case_a} ${s.case_b}`, s.strength]));
  }

  levelOf(organisationId: string): OverlapAlertLevel {
    return this.levels.get(organisationId) ?? DEFAULT_OVERLAP_ALERT_LEVEL;
  }

  strengthBefore(caseA: string, caseB: string): OverlapStrength | null {
    return this.before.get(`${caseA} ${caseB}`) ?? null;
  }
}
