import { Injectable } from '@nestjs/common';
import type { PublishedCell, ReleaseMethod } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import type { MetricsReleaseStatus } from './models/metrics-release.model.js';

export interface ReleaseRow {
  id: string;
  working_group_id: string;
  working_group_name: string;
  period: string;
  status: MetricsReleaseStatus;
  version: number;
  method: ReleaseMethod;
  cells: PublishedCell[];
  median_days_to_lead: string | null;
  computed_at: Date;
  published_at: Date | null;
}

export interface LedgerRow {
  release_id: string;
  period: string;
  epsilon_milli: number;
  charged_at: Date;
  charged_by: string | null;
}

export interface GroupRow {
  id: string;
  name: string;
  created_at: Date;
}

const RELEASE_SELECT = `
  SELECT r.id, r.working_group_id, g.name AS working_group_name, r.period, r.status, r.version, r.method,
         r.cells, r.median_days_to_lead, r.computed_at, r.published_at
  FROM metrics_release r JOIN working_group g ON g.id = r.working_group_id`;

/** Releases and the privacy-budget ledger. Only published forms are ever written here. */
@Injectable()
export class MetricsRepository {
  async group(m: EntityManager, workingGroupId: string): Promise<GroupRow | null> {
    const rows = await m.query<GroupRow[]>(
      'SELECT id, name, created_at FROM working_group WHERE id = $1',
      [workingGroupId],
    );
    return rows[0] ?? null;
  }

  /** Every working group (the hub's sweep). */
  async groups(m: EntityManager): Promise<GroupRow[]> {
    return m.query<GroupRow[]>(
      'SELECT id, name, created_at FROM working_group ORDER BY created_at, id',
    );
  }

  /**
   * Serialises computations of one group's releases until the transaction
   * ends: the "exists" and "budget" checks and the insert see each other.
   */
  async lockGroup(m: EntityManager, workingGroupId: string): Promise<void> {
    await m.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('metrics_release:' || $1::text, 0))`,
      [workingGroupId],
    );
  }

  /** The draft or published release of a month, if any (a withheld one does not count). */
  async current(
    m: EntityManager,
    workingGroupId: string,
    period: string,
  ): Promise<{ id: string } | null> {
    const rows = await m.query<Array<{ id: string }>>(
      `SELECT id FROM metrics_release WHERE working_group_id = $1 AND period = $2 AND status IN ('draft', 'published')`,
      [workingGroupId, period],
    );
    return rows[0] ?? null;
  }

  /** Whether any release, of any status, exists for the month (the sweep makes at most one). */
  async anyFor(m: EntityManager, workingGroupId: string, period: string): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'SELECT 1 FROM metrics_release WHERE working_group_id = $1 AND period = $2 LIMIT 1',
      [workingGroupId, period],
    );
    return rows.length > 0;
  }

  async insertRelease(
    m: EntityManager,
    r: {
      workingGroupId: string;
      period: string;
      gridVersion: number;
      method: ReleaseMethod;
      cells: PublishedCell[];
      medianDaysToLead: string | null;
      at: Date;
      by: string | null;
    },
  ): Promise<string> {
    const rows = await m.query<Array<{ id: string }>>(
      `INSERT INTO metrics_release
         (working_group_id, period, status, version, grid_version, method, cells, median_days_to_lead, computed_at, computed_by)
       VALUES ($1, $2, 'draft', 1, $3, $4::jsonb, $5::jsonb, $6, $7, $8) RETURNING id`,
      [
        r.workingGroupId,
        r.period,
        r.gridVersion,
        JSON.stringify(r.method),
        JSON.stringify(r.cells),
        r.medianDaysToLead,
        r.at,
        r.by,
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('metrics_release insert returned no id');
    return id;
  }

  async release(m: EntityManager, id: string, lock = false): Promise<ReleaseRow | null> {
    const rows = await m.query<ReleaseRow[]>(
      `${RELEASE_SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A group's releases, newest period first (drafts and withheld ones only when `all`). */
  async releasesOf(m: EntityManager, workingGroupId: string, all: boolean): Promise<ReleaseRow[]> {
    return m.query<ReleaseRow[]>(
      `${RELEASE_SELECT} WHERE r.working_group_id = $1 ${all ? '' : `AND r.status = 'published'`}
       ORDER BY r.period DESC, r.computed_at DESC`,
      [workingGroupId],
    );
  }

  /** Published releases of these groups within [from, to], period ascending. */
  async published(
    m: EntityManager,
    groupIds: readonly string[],
    from: string,
    to: string,
  ): Promise<ReleaseRow[]> {
    return m.query<ReleaseRow[]>(
      `${RELEASE_SELECT} WHERE r.working_group_id = ANY ($1::uuid[]) AND r.status = 'published'
         AND r.period >= $2 AND r.period <= $3
       ORDER BY g.name, r.working_group_id, r.period`,
      [groupIds, from, to],
    );
  }

  async groupNames(m: EntityManager, ids: readonly string[]): Promise<GroupRow[]> {
    return m.query<GroupRow[]>(
      'SELECT id, name, created_at FROM working_group WHERE id = ANY ($1::uuid[]) ORDER BY name, id',
      [ids],
    );
  }

  /** Moves a draft to published or withheld if its version is still `expectedVersion`. */
  async decide(
    m: EntityManager,
    id: string,
    expectedVersion: number,
    to: 'published' | 'withheld',
    at: Date,
    by: string,
  ): Promise<boolean> {
    const column = to === 'published' ? 'published' : 'withheld';
    // `column` is one of two literals, never input.
    const [rows] = await m.query<[Array<{ id: string }>, number]>(
      `UPDATE metrics_release SET status = $3, version = version + 1, ${column}_at = $4, ${column}_by = $5
       WHERE id = $1 AND version = $2 AND status = 'draft' RETURNING id`,
      [id, expectedVersion, to, at, by],
    );
    return rows.length > 0;
  }

  async spent(m: EntityManager, workingGroupId: string, year: number): Promise<number> {
    const rows = await m.query<Array<{ spent: number }>>(
      `SELECT coalesce(sum(epsilon_milli), 0)::int AS spent FROM privacy_budget_entry
       WHERE working_group_id = $1 AND year = $2`,
      [workingGroupId, year],
    );
    return Number(rows[0]?.spent ?? 0);
  }

  async ledger(m: EntityManager, workingGroupId: string, year: number): Promise<LedgerRow[]> {
    return m.query<LedgerRow[]>(
      `SELECT e.release_id, r.period, e.epsilon_milli, e.charged_at, e.charged_by
       FROM privacy_budget_entry e JOIN metrics_release r ON r.id = e.release_id
       WHERE e.working_group_id = $1 AND e.year = $2 ORDER BY e.charged_at, r.period, e.id`,
      [workingGroupId, year],
    );
  }

  async charge(
    m: EntityManager,
    e: {
      workingGroupId: string;
      year: number;
      releaseId: string;
      epsilonMilli: number;
      at: Date;
      by: string | null;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO privacy_budget_entry (working_group_id, year, release_id, epsilon_milli, charged_at, charged_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [e.workingGroupId, e.year, e.releaseId, e.epsilonMilli, e.at, e.by],
    );
  }
}
