import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditDetail } from './audit-detail.js';
import type { ChainedFields } from './audit-hash.js';
import { auditLogWhere, type AuditLogFilter } from './audit-log-filter.js';
import type { AuditEntry } from './models/audit-entry.model.js';

/** Arbitrary constant: one lock serialises writers so the chain never forks. */
const AUDIT_CHAIN_LOCK = 0x6175_6474;

/** A stored entry, as the chain verification reads it. */
export interface AuditRow {
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  organisation_id: string | null;
  working_group_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  change_hash: Buffer;
  prev_hash: Buffer;
  hash: Buffer;
  /** Null for entries written before changes were kept in clear. */
  change: AuditDetail | null;
}

/** An entry about to be appended, already linked to the one before it. */
export interface LinkedEntry extends ChainedFields {
  change: AuditDetail;
  prevHash: Buffer;
  hash: Buffer;
}

export interface ChainHead {
  seq: string | null;
  hash: Buffer | null;
}

export interface AuditPageQuery extends AuditLogFilter {
  beforeSeq: string | null;
  limit: number;
}

interface AuditEntryRow {
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  organisation_id: string | null;
  working_group_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  change: AuditDetail | null;
  hash: string;
}

/** A signed checkpoint as stored. */
export interface CheckpointRow {
  seq: string;
  head_hash: Buffer;
  created_at: Date;
  signature: Buffer;
}

export function toAuditEntry(r: AuditEntryRow): AuditEntry {
  return {
    seq: r.seq,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name ?? null,
    organisationId: r.organisation_id,
    workingGroupId: r.working_group_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    change: r.change,
    hash: r.hash,
  };
}

/** The `audit_log` table: the append-only hash chain. */
@Injectable()
export class AuditRepository {
  /** Held until the caller's transaction ends. */
  async lockChain(m: EntityManager): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  }

  /**
   * Through a SECURITY DEFINER function: under row-level security a tenant
   * transaction cannot read the chain's head, but must link to it.
   */
  async chainHead(m: EntityManager): Promise<ChainHead | null> {
    const rows = await m.query<ChainHead[]>('SELECT seq, hash FROM audit_chain_head()');
    return rows[0] ?? null;
  }

  /** One statement for the whole batch, in order. */
  async insertMany(m: EntityManager, rows: readonly LinkedEntry[]): Promise<void> {
    await m.query(
      `INSERT INTO audit_log (seq, occurred_at, actor_user_id, organisation_id, working_group_id,
         action, subject_type, subject_id, change_hash, prev_hash, hash, change)
       SELECT seq, occurred_at, actor, org, wg, action, subject_type, subject_id, change_hash, prev_hash, hash, change::jsonb
       FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[],
         $6::text[], $7::text[], $8::text[], $9::bytea[], $10::bytea[], $11::bytea[], $12::text[])
         AS t(seq, occurred_at, actor, org, wg, action, subject_type, subject_id, change_hash, prev_hash, hash, change)`,
      [
        rows.map((r) => r.seq.toString()),
        rows.map((r) => r.occurredAt),
        rows.map((r) => r.actorUserId),
        rows.map((r) => r.organisationId),
        rows.map((r) => r.workingGroupId),
        rows.map((r) => r.action),
        rows.map((r) => r.subjectType),
        rows.map((r) => r.subjectId),
        rows.map((r) => r.changeHash),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
        rows.map((r) => JSON.stringify(r.change)),
      ],
    );
  }

  /** Up to `limit` stored entries from `fromSeq` on, in chain order. */
  batchFrom(m: EntityManager, fromSeq: bigint, limit: number): Promise<AuditRow[]> {
    return m.query<AuditRow[]>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      fromSeq.toString(),
      limit,
    ]);
  }

  /**
   * Newest first, `limit + 1` rows so the caller knows whether there is more.
   * Joins user_directory for the actor's display name: one query for the page
   * rather than one per entry (row-level security still applies to both).
   */
  async page(m: EntityManager, q: AuditPageQuery): Promise<AuditEntry[]> {
    const { where, params } = auditLogWhere(q);
    const n = params.length;
    const rows = await m.query<AuditEntryRow[]>(
      `SELECT a.seq::text AS seq, a.occurred_at, a.actor_user_id, u.display_name AS actor_name, a.organisation_id,
              a.working_group_id, a.action, a.subject_type, a.subject_id, a.change, encode(a.hash, 'hex') AS hash
       FROM audit_log a LEFT JOIN user_directory u ON u.id = a.actor_user_id
       WHERE ${where} AND ($${n + 1}::bigint IS NULL OR a.seq < $${n + 1})
       ORDER BY a.seq DESC LIMIT $${n + 2}`,
      [...params, q.beforeSeq, q.limit + 1],
    );
    return rows.map(toAuditEntry);
  }

  /** How many entries the caller may see match `filter` (row-level security applies). */
  async count(m: EntityManager, filter: AuditLogFilter): Promise<number> {
    const { where, params } = auditLogWhere(filter);
    const rows = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_log a WHERE ${where}`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * The distinct actions of the entries the caller may see in a scope, in
   * order: a loose index scan over audit_log_action_idx (one probe per
   * action), not a scan of the whole log.
   */
  async actions(m: EntityManager, scope: Pick<AuditLogFilter, 'organisationId' | 'workingGroupId'>): Promise<string[]> {
    const { where, params } = auditLogWhere(scope);
    const rows = await m.query<Array<{ action: string }>>(
      `WITH RECURSIVE found(action) AS (
         (SELECT a.action FROM audit_log a WHERE ${where} ORDER BY a.action LIMIT 1)
         UNION ALL
         SELECT (SELECT a.action FROM audit_log a WHERE ${where} AND a.action > f.action ORDER BY a.action LIMIT 1)
         FROM found f WHERE f.action IS NOT NULL
       )
       SELECT action FROM found WHERE action IS NOT NULL`,
      params,
    );
    return rows.map((r) => r.action);
  }

  /** When `actorUserId` last read this subject since `since`, or null (served by audit_log_actor_idx). */
  async lastReadSince(
    m: EntityManager,
    actorUserId: string,
    action: string,
    subjectType: string,
    subjectId: string,
    since: Date,
  ): Promise<Date | null> {
    const rows = await m.query<Array<{ occurred_at: Date }>>(
      `SELECT occurred_at FROM audit_log
       WHERE actor_user_id = $1 AND action = $2 AND occurred_at > $3
         AND subject_type = $4 AND subject_id = $5
       ORDER BY occurred_at DESC LIMIT 1`,
      [actorUserId, action, since, subjectType, subjectId],
    );
    return rows[0]?.occurred_at ?? null;
  }

  /** The hash of entry `seq`, whoever's it is (through a SECURITY DEFINER function: only the hash). */
  async entryHash(m: EntityManager, seq: string): Promise<Buffer | null> {
    const rows = await m.query<Array<{ hash: Buffer | null }>>('SELECT audit_entry_hash($1) AS hash', [seq]);
    return rows[0]?.hash ?? null;
  }

  latestCheckpoint(m: EntityManager): Promise<CheckpointRow | null> {
    return m
      .query<CheckpointRow[]>('SELECT seq::text AS seq, head_hash, created_at, signature FROM audit_checkpoint ORDER BY seq DESC LIMIT 1')
      .then((rows) => rows[0] ?? null);
  }

  /** False when another replica made the checkpoint of that sequence first. */
  async insertCheckpoint(m: EntityManager, c: CheckpointRow): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO audit_checkpoint (seq, head_hash, created_at, signature) VALUES ($1, $2, $3, $4)
       ON CONFLICT (seq) DO NOTHING RETURNING seq`,
      [c.seq, c.head_hash, c.created_at, c.signature],
    );
    return rows.length > 0;
  }
}
