import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@parallax/authz';
import { auditDetail } from './audit-detail.js';
import { GENESIS_HASH, hashChange, hashLink, type ChainedFields } from './audit-hash.js';
import { AuditRepository, type LinkedEntry } from './audit.repository.js';

/** A sensitive read is recorded at most once per actor, action and subject in this window. */
export const READ_AUDIT_WINDOW_MS = 3_600_000;

export interface ReadAuditInput {
  organisationId?: string | null;
  workingGroupId?: string | null;
  /** Dotted verb ending in `read`, e.g. `overlap.read`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Non-identifying facts about what was seen (counts, filters). */
  change?: Record<string, unknown>;
}

export interface AuditInput {
  actorUserId: string | null;
  organisationId?: string | null;
  workingGroupId?: string | null;
  /** Dotted lower-case verb, e.g. `user.create`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /**
   * What changed. Stored reduced to non-identifying values (see
   * `auditDetail`: names, e-mails, references and key material become
   * `[redacted]`) and hashed into the chain.
   */
  change: unknown;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBadSeq: string; reason: string };

@Injectable()
export class AuditService {
  /** Reads already on record (committed), per process: spares a query on every poll. */
  private readonly recentReads = new Map<string, number>();

  constructor(private readonly repository: AuditRepository) {}

  /**
   * Records that `actor` read something sensitive, inside the transaction of
   * the read (no entry, no data). At most one entry per actor, action and
   * subject per hour, so polling clients do not flood the chain; the check
   * is repeated under the chain lock so concurrent readers write one entry.
   * Returns the new entry's sequence number, or null when one was on record.
   */
  async recordRead(manager: EntityManager, actor: Actor, input: ReadAuditInput): Promise<string | null> {
    const key = `${actor.userId}|${input.action}|${input.subjectType}|${input.subjectId}`;
    const now = Date.now();
    const known = this.recentReads.get(key);
    if (known !== undefined && now - known < READ_AUDIT_WINDOW_MS) return null;
    const since = new Date(now - READ_AUDIT_WINDOW_MS);
    const find = () =>
      this.repository.lastReadSince(manager, actor.userId, input.action, input.subjectType, input.subjectId, since);
    let last = await find();
    if (!last) {
      await this.repository.lockChain(manager);
      last = await find();
    }
    if (last) {
      if (this.recentReads.size > 10_000) this.recentReads.clear();
      this.recentReads.set(key, last.getTime());
      return null;
    }
    return this.record(manager, {
      actorUserId: actor.userId,
      organisationId: input.organisationId ?? actor.organisationId,
      workingGroupId: input.workingGroupId ?? null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      change: input.change ?? {},
    });
  }

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
      const change = auditDetail(input.change);
      const fields: ChainedFields = {
        seq,
        occurredAt: new Date(),
        actorUserId: input.actorUserId,
        organisationId: input.organisationId ?? null,
        workingGroupId: input.workingGroupId ?? null,
        action: input.action,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        changeHash: hashChange(change),
      };
      const hash = hashLink(prevHash, fields);
      const row: LinkedEntry = { ...fields, change, prevHash, hash };
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
    return this.verifyWith(dataSource.manager, batchSize);
  }

  /** The chain from its start, through `manager` (a transaction keeps it to one snapshot). */
  async verifyWith(manager: EntityManager, batchSize = 5000): Promise<ChainVerdict> {
    let prevHash: Buffer = GENESIS_HASH;
    let expectedSeq = 1n;
    let entries = 0;
    for (;;) {
      const rows = await this.repository.batchFrom(manager, expectedSeq, batchSize);
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
        // Entries written before the change was kept in clear hold only its hash.
        if (row.change !== null && !hashChange(row.change).equals(row.change_hash)) {
          return bad('its recorded change does not match its hash');
        }
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
