import { Injectable } from '@nestjs/common';
import {
  DEFAULT_OVERLAP_ALERT_LEVEL,
  type OverlapAlertLevel,
  type OverlapStrength,
} from '@parallax/domain';
import type { EntityManager } from 'typeorm';

/** A pair of cases as the overlap table stores it (a < b). */
export interface CasePair {
  caseA: string;
  caseB: string;
}

export interface StoredStrength {
  case_a: string;
  case_b: string;
  strength: OverlapStrength;
}

/** The `organisation.overlap_alert_level` column, and what matching reads to decide whom to notify. */
@Injectable()
export class OverlapAlertsRepository {
  async level(m: EntityManager, organisationId: string): Promise<OverlapAlertLevel> {
    const rows = await m.query<Array<{ level: OverlapAlertLevel }>>(
      'SELECT overlap_alert_level AS level FROM organisation WHERE id = $1',
      [organisationId],
    );
    return rows[0]?.level ?? DEFAULT_OVERLAP_ALERT_LEVEL;
  }

  /** True when the row changed (row-level security lets only the organisation's admins). */
  async setLevel(
    m: EntityManager,
    organisationId: string,
    level: OverlapAlertLevel,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'UPDATE organisation SET overlap_alert_level = $2 WHERE id = $1 RETURNING id',
      [organisationId, level],
    );
    return rows.length > 0;
  }

  /** The levels of a batch's organisations, in one primary-key lookup. */
  async levelsOf(
    m: EntityManager,
    organisationIds: readonly string[],
  ): Promise<Map<string, OverlapAlertLevel>> {
    if (organisationIds.length === 0) return new Map();
    const rows = await m.query<Array<{ id: string; level: OverlapAlertLevel }>>(
      'SELECT id, overlap_alert_level AS level FROM organisation WHERE id = ANY($1::uuid[])',
      [organisationIds],
    );
    return new Map(rows.map((r) => [r.id, r.level]));
  }

  /**
   * The strength stored for each pair's overlap (live or retracted), read
   * before the batch rewrites them. Locks the rows in (a, b) order, the order
   * the batch's upsert takes, so a concurrent batch cannot upgrade the same
   * overlap between this read and the write (and notify twice).
   */
  async storedStrengths(m: EntityManager, pairs: readonly CasePair[]): Promise<StoredStrength[]> {
    if (pairs.length === 0) return [];
    return m.query<StoredStrength[]>(
      `SELECT o.case_a, o.case_b, o.strength
       FROM overlap o
       JOIN unnest($1::uuid[], $2::uuid[]) AS p(a, b) ON o.case_a = p.a AND o.case_b = p.b
       ORDER BY o.case_a, o.case_b
       FOR UPDATE OF o`,
      [pairs.map((p) => p.caseA), pairs.map((p) => p.caseB)],
    );
  }
}
