import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { GENESIS_HASH, hashChange, hashLink, type ChainedFields } from './audit-hash.js';
import { AuditRepository, type LinkedEntry } from './audit.repository.js';

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

@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

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
    await this.repository.lockChain(manager);
    const head = await this.repository.chainHead(manager);
    let prevHash: Buffer = head?.hash ?? GENESIS_HASH;
    let seq = BigInt(head?.seq ?? 0);
    const rows = inputs.map((input): LinkedEntry => {
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
      const row: LinkedEntry = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await this.repository.insertMany(manager, rows);
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
      const rows = await this.repository.batchFrom(dataSource.manager, expectedSeq, batchSize);
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
          return {
            ok: false,
            entries,
            firstBadSeq: expectedSeq.toString(),
            reason: `entry ${expectedSeq} is missing`,
          };
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
