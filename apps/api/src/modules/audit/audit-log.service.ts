import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';
import { readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from './audit.service.js';
import type { AuditEntry, ChainVerification } from './models/audit-entry.model.js';

const VERIFY_CACHE_MS = 60_000;

export interface AuditFilter {
  organisationId?: string | undefined;
  workingGroupId?: string | undefined;
  beforeSeq?: string | undefined;
  limit: number;
}

/** The audit log as people read it: filtered by policy and row-level security, newest first. */
@Injectable()
export class AuditLogService {
  private cached: ChainVerification | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async page(actor: Actor, filter: AuditFilter): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
    const rows = (await runAsTenant(this.dataSource, actor, (m) =>
      m.query(
        `SELECT a.seq::text AS seq, a.occurred_at, a.actor_user_id, u.display_name AS actor_name, a.organisation_id,
                a.working_group_id, a.action, a.subject_type, a.subject_id, encode(a.hash, 'hex') AS hash
         FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_user_id
         WHERE ($1::uuid IS NULL OR a.organisation_id = $1)
           AND ($2::uuid IS NULL OR a.working_group_id = $2)
           AND ($3::bigint IS NULL OR a.seq < $3)
         ORDER BY a.seq DESC LIMIT $4`,
        [filter.organisationId ?? null, filter.workingGroupId ?? null, filter.beforeSeq ?? null, filter.limit + 1],
      ),
    )) as Array<Record<string, unknown>>;
    const entries: AuditEntry[] = rows.map((r) => ({
      seq: r['seq'] as string,
      occurredAt: r['occurred_at'] as Date,
      actorUserId: r['actor_user_id'] as string | null,
      actorName: (r['actor_name'] as string | null) ?? null,
      organisationId: r['organisation_id'] as string | null,
      workingGroupId: r['working_group_id'] as string | null,
      action: r['action'] as string,
      subjectType: r['subject_type'] as string | null,
      subjectId: r['subject_id'] as string | null,
      hash: r['hash'] as string,
    }));
    const visible = readable(actor, 'AuditEntry', entries);
    return { entries: visible.slice(0, filter.limit), hasMore: entries.length > filter.limit };
  }

  async verification(): Promise<ChainVerification> {
    if (this.cached && Date.now() - this.cached.checkedAt.getTime() < VERIFY_CACHE_MS) return this.cached;
    const v = await this.audit.verify(this.dataSource);
    this.cached = v.ok
      ? { ok: true, entries: v.entries, firstBadSeq: null, reason: null, checkedAt: new Date() }
      : { ok: false, entries: v.entries, firstBadSeq: v.firstBadSeq, reason: v.reason, checkedAt: new Date() };
    return this.cached;
  }
}
