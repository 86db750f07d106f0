import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FormattedExecutionResult } from 'graphql';
import type { EntityManager } from 'typeorm';

export interface StoredKey {
  requestHash: Buffer;
  response: FormattedExecutionResult | null;
}

/**
 * The `idempotency_key` table. Every method but `deleteExpired` runs in a
 * tenant transaction, where row-level security shows a user their own keys
 * only.
 */
@Injectable()
export class IdempotencyRepository {
  /**
   * Serialises the attempts of one (user, key) across connections and
   * replicas, until the end of the caller's transaction.
   */
  async lock(m: EntityManager, userId: string, key: string): Promise<void> {
    const id = createHash('sha256')
      .update(`idempotency:${userId}:${key}`)
      .digest()
      .readBigInt64BE(0);
    await m.query('SELECT pg_advisory_xact_lock($1::bigint)', [id.toString()]);
  }

  async find(m: EntityManager, userId: string, key: string): Promise<StoredKey | null> {
    const rows = await m.query<
      Array<{ request_hash: Buffer; response: FormattedExecutionResult | null }>
    >(
      `SELECT request_hash, response FROM idempotency_key
       WHERE user_id = $1 AND key = $2 AND expires_at > now()`,
      [userId, key],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, response: row.response } : null;
  }

  /** Whether the current transaction has written anything yet (it has a transaction id). */
  async hasWritten(m: EntityManager): Promise<boolean> {
    const [row] = await m.query<Array<{ wrote: boolean }>>(
      'SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote',
    );
    return row?.wrote === true;
  }

  /** Records the key as applied; false when a live row exists already (an expired one is replaced). */
  async insertApplied(
    m: EntityManager,
    userId: string,
    key: string,
    requestHash: Buffer,
    ttlHours: number,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO idempotency_key (user_id, key, request_hash, status, expires_at)
       VALUES ($1, $2, $3, 'applied', now() + make_interval(hours => $4))
       ON CONFLICT (user_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, status = 'applied', response = NULL,
             created_at = now(), completed_at = NULL, expires_at = EXCLUDED.expires_at
         WHERE idempotency_key.expires_at <= now()
       RETURNING 1`,
      [userId, key, requestHash, ttlHours],
    );
    return rows.length === 1;
  }

  async complete(
    m: EntityManager,
    userId: string,
    key: string,
    response: FormattedExecutionResult,
  ): Promise<void> {
    await m.query(
      `UPDATE idempotency_key SET status = 'completed', response = $3::jsonb, completed_at = now()
       WHERE user_id = $1 AND key = $2 AND status = 'applied'`,
      [userId, key, JSON.stringify(response)],
    );
  }

  /** The hub's periodic clean-up (outside any tenant transaction). */
  async deleteExpired(m: EntityManager): Promise<number> {
    const [, count] = await m.query<[unknown[], number]>(
      'DELETE FROM idempotency_key WHERE expires_at <= now()',
    );
    return count;
  }
}
