import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource } from 'typeorm';
import { afterKey, toPage } from '../../common/pagination/keyset.js';
import type { CursorScope } from '../../common/pagination/cursor.js';
import type { Page } from '../../common/pagination/page.model.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { overlapListRead } from '../audit/read-audits.js';
import type { Overlap } from './models/overlap.model.js';
import type { OverlapGroup } from './models/overlap-page.model.js';
import { clusterMyCases } from './overlap-clusters.js';
import {
  normaliseOverlapFilter,
  type OverlapFilterInput,
  type OverlapListFilter,
} from './overlap-filter.js';
import { OverlapsException } from './overlaps.exception.js';
import { OverlapPagesRepository, type After } from './overlap-pages.repository.js';
import { toOverlap } from './overlaps.repository.js';

export interface PageRequest {
  first: number;
  after?: string | null | undefined;
}

const empty = <T>(): Page<T> => ({
  nodes: [],
  totalCount: 0,
  pageInfo: { endCursor: null, hasNextPage: false },
});

/** The audit entry names the narrowest subject read (one case, one group, or the organisation). */
function auditSubject(f: OverlapListFilter) {
  return {
    workingGroupId: f.workingGroupId ?? undefined,
    caseId: f.caseId ?? undefined,
    includeRetracted: f.includeRetracted,
  };
}

const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The keyset position of a cursor; a forged key (cursors are not signed) is INVALID_CURSOR, not a database error. */
function afterOf(cursor: string | null | undefined, scope: CursorScope): After {
  const key = afterKey(cursor, scope, 2);
  if (!key) return null;
  const [at = '', id = ''] = key;
  if (!KEY_TIME.test(at) || !KEY_ID.test(id)) {
    throw new OverlapsException(
      ErrorCode.InvalidCursor,
      'This cursor does not belong to this list',
      {
        field: 'after',
      },
    );
  }
  return { at, id };
}

/**
 * The overlaps list at any size: pages newest first with exact totals, and
 * the same list grouped by my case with its cluster. Each page read is
 * audited (deduplicated per reader, subject and hour by the audit service).
 */
@Injectable()
export class OverlapPagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: OverlapPagesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, input: OverlapFilterInput, page: PageRequest): Promise<Page<Overlap>> {
    const filter = normaliseOverlapFilter(input);
    const scope = { list: 'overlaps', filters: filter };
    const after = afterOf(page.after, scope);
    const org = actor.organisationId;
    if (!org) return empty();
    return runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await this.repository.page(m, org, filter, after, page.first + 1);
      const total = await this.repository.count(m, org, filter);
      const shown = Math.min(rows.length, page.first);
      await this.audit.recordRead(m, actor, overlapListRead(org, auditSubject(filter), shown));
      return toPage(
        rows,
        page.first,
        total,
        scope,
        (r) => [r.created_key, r.id],
        (r) => toOverlap(org, r),
      );
    });
  }

  async groups(
    actor: Actor,
    input: OverlapFilterInput,
    page: PageRequest,
  ): Promise<Page<OverlapGroup>> {
    const filter = normaliseOverlapFilter(input);
    const scope = { list: 'overlap-groups', filters: filter };
    const after = afterOf(page.after, scope);
    const org = actor.organisationId;
    if (!org) return empty();
    return runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await this.repository.groups(m, org, filter, after, page.first + 1);
      const total = await this.repository.groupCount(m, org, filter);
      const clusters = clusterMyCases(await this.repository.links(m, org));
      const shown = rows.slice(0, page.first).reduce((n, r) => n + r.total, 0);
      await this.audit.recordRead(m, actor, overlapListRead(org, auditSubject(filter), shown));
      return toPage(
        rows,
        page.first,
        total,
        scope,
        (r) => [r.newest_key, r.case_id],
        (r) => {
          // A case whose only overlaps are retracted or false matches links nothing: alone.
          const cluster = clusters.get(r.case_id) ?? { key: r.case_id, number: null, size: 1 };
          return {
            myCase: { id: r.case_id, reference: r.reference },
            total: r.total,
            byStrength: { strong: r.strong, probable: r.probable, possible: r.possible },
            needsAnswer: r.needs_answer,
            newestAt: r.newest,
            clusterKey: cluster.key,
            clusterNumber: cluster.number,
            clusterSize: cluster.size,
          };
        },
      );
    });
  }
}
