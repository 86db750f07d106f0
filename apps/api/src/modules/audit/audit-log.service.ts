import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';
import { readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditRepository } from './audit.repository.js';
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
  /** The verification running now, shared by every caller that arrives meanwhile. */
  private inflight: Promise<ChainVerification> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: AuditRepository,
  ) {}

  async page(
    actor: Actor,
    filter: AuditFilter,
  ): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
    const entries = await runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await this.repository.page(m, {
        organisationId: filter.organisationId ?? null,
        workingGroupId: filter.workingGroupId ?? null,
        beforeSeq: filter.beforeSeq ?? null,
        limit: filter.limit,
      });
      // Who looked at whose log is itself worth knowing (once an hour per reader and scope).
      const [subjectType, subjectId] = filter.workingGroupId
        ? ['working_group', filter.workingGroupId]
        : filter.organisationId
          ? ['organisation', filter.organisationId]
          : ['audit_log', 'visible'];
      // Filed under the reader's own organisation: asking for another
      // tenant's log must not write into that tenant's log.
      await this.audit.recordRead(m, actor, {
        action: 'audit.read',
        organisationId: actor.organisationId,
        subjectType,
        subjectId,
      });
      return rows;
    });
    const visible = readable(actor, 'AuditEntry', entries);
    return { entries: visible.slice(0, filter.limit), hasMore: entries.length > filter.limit };
  }

  /**
   * The whole chain, recomputed at most once at a time per process and at
   * most once a minute: concurrent callers (or 200 aliases in one request)
   * share one run and its cached result.
   */
  verification(): Promise<ChainVerification> {
    if (this.cached && Date.now() - this.cached.checkedAt.getTime() < VERIFY_CACHE_MS)
      return Promise.resolve(this.cached);
    this.inflight ??= this.verifyOnce().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async verifyOnce(): Promise<ChainVerification> {
    const v = await this.audit.verify(this.dataSource);
    this.cached = v.ok
      ? { ok: true, entries: v.entries, firstBadSeq: null, reason: null, checkedAt: new Date() }
      : {
          ok: false,
          entries: v.entries,
          firstBadSeq: v.firstBadSeq,
          reason: v.reason,
          checkedAt: new Date(),
        };
    return this.cached;
  }
}
