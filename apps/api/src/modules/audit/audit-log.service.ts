import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';
import { readable } from '../../common/authorization/policy.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import type { AuditLogFilter } from './audit-log-filter.js';
import { AuditRepository } from './audit.repository.js';
import { auditExport, auditLogRead } from './read-audits.js';
import { AuditService } from './audit.service.js';
import type { AuditEntry, ChainVerification } from './models/audit-entry.model.js';

const VERIFY_CACHE_MS = 60_000;

export interface AuditFilter {
  organisationId?: string | undefined;
  workingGroupId?: string | undefined;
  actions?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: string | undefined;
  limit: number;
  /** The first page of an export (CSV): recorded as `audit.export`, with the filters and the row count. */
  exporting?: boolean | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  hasMore: boolean;
  totalCount: number;
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

  async page(actor: Actor, filter: AuditFilter): Promise<AuditPage> {
    const where: AuditLogFilter = {
      organisationId: filter.organisationId ?? null,
      workingGroupId: filter.workingGroupId ?? null,
      actions: filter.actions ?? [],
      from: filter.from ?? null,
      to: filter.to ?? null,
    };
    const { rows, totalCount } = await runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await this.repository.page(m, {
        ...where,
        beforeSeq: filter.beforeSeq ?? null,
        limit: filter.limit,
      });
      // Row-level security mirrors the policy: this counts what the caller may see.
      const totalCount = await this.repository.count(m, where);
      // Who looked at whose log is itself worth knowing (once an hour per reader and scope).
      if (filter.exporting && !filter.beforeSeq) {
        await this.audit.record(m, auditExport(actor, where, totalCount));
      } else {
        await this.audit.recordRead(m, actor, auditLogRead(actor, where));
      }
      return { rows, totalCount };
    });
    const visible = readable(actor, 'AuditEntry', rows);
    return { entries: visible.slice(0, filter.limit), hasMore: rows.length > filter.limit, totalCount };
  }

  /** The actions of the entries the caller may see in the scope, for the action filter. */
  actions(actor: Actor, scope: { organisationId?: string | undefined; workingGroupId?: string | undefined }): Promise<string[]> {
    return runAsTenant(this.dataSource, actor, (m) =>
      this.repository.actions(m, {
        organisationId: scope.organisationId ?? null,
        workingGroupId: scope.workingGroupId ?? null,
      }),
    );
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
