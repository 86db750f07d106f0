import { Injectable } from '@nestjs/common';
import type { ArrangementState, ArrangementStatus } from '@parallax/domain';
import type { EntityManager } from 'typeorm';

export interface StoredArrangement {
  clusterId: string;
  workingGroupId: string;
  /** 'merged' once the cluster was merged into another (the state is then frozen). */
  status: ArrangementStatus | 'merged';
  state: ArrangementState;
}

export interface ArrangementEventInput {
  kind: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  byCoordinator: boolean;
  /** Roles, proposal numbers, ids: never free text (that is a sealed note). */
  detail: Record<string, unknown>;
  noteMessageId: string | null;
}

interface Row {
  cluster_id: string;
  working_group_id: string;
  status: ArrangementStatus | 'merged';
  state: ArrangementState;
}

/**
 * The SQL of lead arrangements, shared by the cluster lifecycle (system
 * transitions: a party joins or leaves) and the parties' and coordinators'
 * actions. Saving is a compare-and-set on the version: a transition computed
 * from a state someone else changed meanwhile writes nothing.
 */
@Injectable()
export class ArrangementStore {
  async load(
    m: EntityManager,
    clusterId: string,
    lock: boolean,
  ): Promise<StoredArrangement | null> {
    const rows = await m.query<Row[]>(
      `SELECT cluster_id, working_group_id, status, state FROM lead_arrangement WHERE cluster_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [clusterId],
    );
    return toStored(rows[0]);
  }

  /**
   * The arrangement locked for the deadline sweep if its proposal is still
   * due at `now`; null when it is not due any more or another sweep holds it
   * (SKIP LOCKED: two replicas' sweeps never wait on each other).
   */
  async loadDue(m: EntityManager, clusterId: string, now: Date): Promise<StoredArrangement | null> {
    const rows = await m.query<Row[]>(
      `SELECT cluster_id, working_group_id, status, state FROM lead_arrangement
       WHERE cluster_id = $1 AND status = 'proposed' AND deadline <= $2 FOR UPDATE SKIP LOCKED`,
      [clusterId, now],
    );
    return toStored(rows[0]);
  }

  /** A new cluster's arrangement (the hub's write, with owner rights). */
  async create(
    m: EntityManager,
    clusterId: string,
    workingGroupId: string,
    state: ArrangementState,
  ): Promise<void> {
    await m.query(
      `INSERT INTO lead_arrangement (cluster_id, working_group_id, version, status, state, deadline)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [
        clusterId,
        workingGroupId,
        state.version,
        state.status,
        JSON.stringify(state),
        deadlineOf(state),
      ],
    );
  }

  /**
   * Writes `after` if the stored version is still `before.version`, and its
   * event. Returns false (writing nothing) when the version moved on.
   */
  async save(
    m: EntityManager,
    clusterId: string,
    before: ArrangementState,
    after: ArrangementState,
    event: ArrangementEventInput,
  ): Promise<boolean> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [updated] = await m.query<[Array<{ cluster_id: string }>, number]>(
      `UPDATE lead_arrangement SET state = $3::jsonb, version = $4, status = $5, deadline = $6, updated_at = now()
       WHERE cluster_id = $1 AND version = $2 AND status <> 'merged' RETURNING cluster_id`,
      [
        clusterId,
        before.version,
        JSON.stringify(after),
        after.version,
        after.status,
        deadlineOf(after),
      ],
    );
    if (updated.length === 0) return false;
    await this.addEvent(m, clusterId, after.version, event);
    return true;
  }

  /** An event that changes no state (a coordinator's comment) keeps the current version. */
  async addEvent(
    m: EntityManager,
    clusterId: string,
    version: number,
    event: ArrangementEventInput,
  ): Promise<void> {
    await m.query(
      `INSERT INTO lead_arrangement_event
         (cluster_id, version, kind, actor_user_id, actor_organisation_id, by_coordinator, detail, note_message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [
        clusterId,
        version,
        event.kind,
        event.actorUserId,
        event.actorOrganisationId,
        event.byCoordinator,
        JSON.stringify(event.detail),
        event.noteMessageId,
      ],
    );
  }

  /** The cluster was merged into another: its arrangement stops (kept for the record). */
  async markMerged(m: EntityManager, clusterId: string): Promise<void> {
    await m.query(
      `UPDATE lead_arrangement SET status = 'merged', deadline = NULL, updated_at = now() WHERE cluster_id = $1`,
      [clusterId],
    );
  }
}

/** Only a pending proposal has a deadline the escalation job watches. */
function deadlineOf(s: ArrangementState): string | null {
  return s.status === 'proposed' && s.proposal ? s.proposal.deadline : null;
}

function toStored(r: Row | undefined): StoredArrangement | null {
  return r
    ? {
        clusterId: r.cluster_id,
        workingGroupId: r.working_group_id,
        status: r.status,
        state: r.state,
      }
    : null;
}
