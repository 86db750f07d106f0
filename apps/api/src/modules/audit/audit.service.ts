import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH, hashChange, hashLink, type ChainedFields } from './audit-hash.js';

/** Arbitrary constant: one lock serialises writers so the chain never forks. */
const AUDIT_CHAIN_LOCK = 0x6175_6474;

export interface AuditInput {
  actorUserId: string | null;
  organisationId?: string | null;
  workingGroupId?: string | null;
  /** Dotted lower-case verb, e.g. `user.create`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /** What changed. Hashed into the chain; never contains secrets or suspect data. */
  change: unknown;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBadSeq: string; reason: string };

interface AuditRow {
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
}

@Injectable()
export class AuditService {
  /**
   * Appends an entry inside the caller's transaction: it commits with the
   * change it records, or not at all. Call it last in the transaction, since
   * it holds the chain lock until commit.
   */
  async record(manager: EntityManager, input: AuditInput): Promise<string> {
    const [seq] = await this.recordMany(manager, [input]);
    return seq ?? '';
  }

  /**
   * Appends several entries, in order, in one statement (e.g. every overlap a
   * matching batch created), linked exactly as one record() call each would.
   * Returns their sequence numbers.
   */
  async recordMany(manager: EntityManager, inputs: readonly AuditInput[]): Promise<string[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Audit entries must be written inside the transaction of the change');
    }
    if (inputs.length === 0) return [];
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    // Through a SECURITY DEFINER function: under row-level security a tenant
    // transaction cannot read the chain's head, but must link to it.
    const last: Array<{ seq: string | null; hash: Buffer | null }> = await manager.query(
      'SELECT seq, hash FROM audit_chain_head()',
    );
    let prevHash: Buffer = last[0]?.hash ?? GENESIS_HASH;
    let seq = BigInt(last[0]?.seq ?? 0);
    const rows = inputs.map((input) => {
      seq += 1n;
      const fields: ChainedFields = {
        seq,
        occurredAt: new Date(),
        actorUserId: input.actorUserId,
        organisationId: input.organisationId ?? null,
        workingGroupId: input.workingGroupId ?? null,
        action: input.action,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        changeHash: hashChange(input.change),
      };
      const hash = hashLink(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await manager.query(
      `INSERT INTO audit_log (seq, occurred_at, actor_user_id, organisation_id, working_group_id,
         action, subject_type, subject_id, change_hash, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[],
         $6::text[], $7::text[], $8::text[], $9::bytea[], $10::bytea[], $11::bytea[])`,
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
      ],
    );
    return rows.map((r) => r.seq.toString());
  }

  /**
   * Recomputes the whole chain in order and names the first entry that does
   * not fit: an edited, deleted, inserted or reordered entry breaks the link
   * at its own position.
   */
  async verify(dataSource: DataSource, batchSize = 5000): Promise<ChainVerdict> {
    let prevHash: Buffer = GENESIS_HASH;
    let expectedSeq = 1n;
    let entries = 0;
    for (;;) {
      const rows: AuditRow[] = await dataSource.query(
        'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
        [expectedSeq.toString(), batchSize],
      );
      if (rows.length === 0) return { ok: true, entries };
      for (const row of rows) {
        const seq = BigInt(row.seq);
        const bad = (reason: string): ChainVerdict => ({
          ok: false,
          entries,
          firstBadSeq: row.seq,
          reason,
        });
        if (seq !== expectedSeq) {
          return { ok: false, entries, firstBadSeq: expectedSeq.toString(), reason: `entry ${expectedSeq} is missing` };
        }
        if (!row.prev_hash.equals(prevHash)) return bad('does not link to the entry before it');
        const recomputed = hashLink(prevHash, {
          seq,
          occurredAt: row.occurred_at,
          actorUserId: row.actor_user_id,
          organisationId: row.organisation_id,
          workingGroupId: row.working_group_id,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          changeHash: row.change_hash,
        });
        if (!recomputed.equals(row.hash)) return bad('its content does not match its hash');
        prevHash = row.hash;
        expectedSeq = seq + 1n;
        entries++;
      }
    }
  }
}
