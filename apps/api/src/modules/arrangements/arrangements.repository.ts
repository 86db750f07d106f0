import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LeadNegotiators } from './models/arrangement-enums.js';

export interface EventRow {
  id: string;
  cluster_id: string;
  version: number;
  kind: string;
  actor_organisation_id: string | null;
  by_coordinator: boolean;
  detail: Record<string, unknown>;
  note_message_id: string | null;
  created_at: Date;
}

/**
 * The SQL around arrangements that is not the arrangement row itself (that
 * is `ArrangementStore`): who negotiates for an organisation, the history,
 * the coordinators' queue and the deadlines the sweep watches.
 */
@Injectable()
export class ArrangementsRepository {
  async leadNegotiators(m: EntityManager, organisationId: string): Promise<LeadNegotiators> {
    const rows = await m.query<Array<{ lead_negotiators: LeadNegotiators }>>(
      'SELECT lead_negotiators FROM organisation WHERE id = $1',
      [organisationId],
    );
    return rows[0]?.lead_negotiators ?? 'admins';
  }

  /** True when the row changed (row-level security lets only the organisation's admins). */
  async setLeadNegotiators(
    m: EntityManager,
    organisationId: string,
    policy: LeadNegotiators,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'UPDATE organisation SET lead_negotiators = $2 WHERE id = $1 RETURNING id',
      [organisationId, policy],
    );
    return rows.length > 0;
  }

  /** The events of these clusters' arrangements (a survivor lists its merged clusters' too), oldest first. */
  async events(m: EntityManager, clusterIds: readonly string[]): Promise<EventRow[]> {
    if (clusterIds.length === 0) return [];
    return m.query<EventRow[]>(
      `SELECT id, cluster_id, version, kind, actor_organisation_id, by_coordinator, detail, note_message_id, created_at
       FROM lead_arrangement_event WHERE cluster_id = ANY ($1::uuid[])
       ORDER BY created_at, version, id`,
      [clusterIds],
    );
  }

  /** The group's clusters waiting for a coordinator, longest waiting first. */
  async waitingForCoordinators(m: EntityManager, workingGroupId: string): Promise<string[]> {
    const rows = await m.query<Array<{ cluster_id: string }>>(
      `SELECT a.cluster_id FROM lead_arrangement a JOIN cluster c ON c.id = a.cluster_id
       WHERE a.working_group_id = $1 AND a.status IN ('escalated', 'reopen_requested') AND c.merged_into IS NULL
       ORDER BY a.updated_at, a.cluster_id`,
      [workingGroupId],
    );
    return rows.map((r) => r.cluster_id);
  }

  /** Arrangements whose proposal's deadline has passed (the hub's read, in its own context). */
  async dueForEscalation(m: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows = await m.query<Array<{ cluster_id: string }>>(
      `SELECT cluster_id FROM lead_arrangement WHERE status = 'proposed' AND deadline <= $1
       ORDER BY deadline, cluster_id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.cluster_id);
  }
}
