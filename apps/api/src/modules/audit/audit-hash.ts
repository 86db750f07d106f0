import { createHash } from 'node:crypto';

/**
 * Hashing for the audit chain, with RFC 6962-style domain separation: a 0x00
 * prefix for the hash of a change's content, 0x01 for a chain link, so no
 * value of one kind can be passed off as the other.
 */
export const GENESIS_HASH = Buffer.alloc(32);

export interface ChainedFields {
  seq: bigint;
  occurredAt: Date;
  actorUserId: string | null;
  organisationId: string | null;
  workingGroupId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  changeHash: Buffer;
}

/** JSON with object keys sorted at every depth, so equal content hashes equal. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function hashChange(change: unknown): Buffer {
  return createHash('sha256').update(Buffer.from([0x00])).update(canonicalJson(change)).digest();
}

export function hashLink(prevHash: Buffer, entry: ChainedFields): Buffer {
  const body = canonicalJson({
    seq: entry.seq.toString(),
    occurredAt: entry.occurredAt.toISOString(),
    actorUserId: entry.actorUserId,
    organisationId: entry.organisationId,
    workingGroupId: entry.workingGroupId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    changeHash: entry.changeHash.toString('hex'),
  });
  return createHash('sha256').update(Buffer.from([0x01])).update(prevHash).update(body).digest();
}
