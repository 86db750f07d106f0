import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { CursorScope } from '../../common/pagination/cursor.js';
import { afterKey, toPage } from '../../common/pagination/keyset.js';
import type { Page } from '../../common/pagination/page.model.js';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { clusterAccess, type ClusterAccess } from './cluster-access.js';
import { ClustersException } from './clusters.exception.js';
import { ClustersRepository, type ClusterAfter } from './clusters.repository.js';
import type { ClusterStatusFilter } from './dto/my-clusters.args.js';
import type { Cluster, ClusterParty } from './models/cluster.model.js';

const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Header {
  id: string;
  working_group_id: string;
  created_at: Date;
  access: ClusterAccess;
}

/** The keyset position of a cursor; a forged key (cursors are not signed) is INVALID_CURSOR, not a database error. */
function afterOf(cursor: string | null | undefined, scope: CursorScope): ClusterAfter {
  const key = afterKey(cursor, scope, 2);
  if (!key) return null;
  const [at = '', id = ''] = key;
  if (!KEY_TIME.test(at) || !KEY_ID.test(id)) {
    throw new ClustersException(
      ErrorCode.InvalidCursor,
      'This cursor does not belong to this list',
      { field: 'after' },
    );
  }
  return { at, id };
}

const notFound = () => new ClustersException(ErrorCode.NotFound, 'No such cluster');

/**
 * Reading clusters: the caller's organisation's (as a party, present or
 * past) page by page, and one cluster for its parties, former parties and
 * the group's coordinators. Anyone else gets NOT_FOUND, whether the cluster
 * exists or not. Which organisations share a suspect is sensitive: each look
 * at a cluster is on record (once an hour per reader and cluster).
 */
@Injectable()
export class ClustersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ClustersRepository,
    private readonly audit: AuditService,
  ) {}

  async myClusters(
    actor: Actor,
    statuses: readonly ClusterStatusFilter[] | null | undefined,
    page: { first: number; after?: string | null | undefined },
  ): Promise<Page<Cluster>> {
    const status = statuses && statuses.length > 0 ? [...new Set(statuses)].sort() : null;
    const scope = { list: 'clusters', filters: { status } };
    const after = afterOf(page.after, scope);
    const org = actor.organisationId;
    if (!org)
      return { nodes: [], totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false } };
    return runAsTenant(this.dataSource, actor, async (m) => {
      const rows = await this.repository.page(m, org, status, after, page.first + 1);
      const total = await this.repository.count(m, org, status);
      const shown = rows.slice(0, page.first);
      const clusters = new Map((await this.assemble(m, org, shown)).map((c) => [c.id, c]));
      await this.audit.recordRead(m, actor, {
        action: 'cluster.read',
        organisationId: org,
        subjectType: 'organisation',
        subjectId: org,
        change: { clusters: shown.length },
      });
      return toPage(
        rows,
        page.first,
        total,
        scope,
        (r) => [r.created_key, r.id],
        (r) => clusters.get(r.id) as Cluster,
      );
    });
  }

  /** One cluster; a merged cluster's id answers with the cluster it was merged into. */
  async cluster(actor: Actor, clusterId: string): Promise<Cluster> {
    if (!UUID.test(clusterId)) throw notFound();
    return runAsTenant(this.dataSource, actor, async (m) => {
      const row = await this.repository.survivor(m, clusterId);
      const access = row ? await clusterAccess(m, row.id) : null;
      if (!row || !access) throw notFound();
      const [cluster] = await this.assemble(m, actor.organisationId, [{ ...row, access }]);
      if (!cluster) throw notFound();
      await this.audit.recordRead(m, actor, {
        action: 'cluster.read',
        // Filed under the reader's own organisation and the cluster's group.
        organisationId: actor.organisationId,
        workingGroupId: row.working_group_id,
        subjectType: 'cluster',
        subjectId: row.id,
        change: { access },
      });
      return cluster;
    });
  }

  /** The clusters with their parties, roles in force, the caller's own cases and group names. */
  private async assemble(
    m: EntityManager,
    org: string | null,
    headers: readonly Header[],
  ): Promise<Cluster[]> {
    if (headers.length === 0) return [];
    const ids = headers.map((h) => h.id);
    const parties = await this.repository.parties(m, ids);
    const roles = await this.repository.rolesInForce(m, ids);
    const cases = org ? await this.repository.myCases(m, org, ids) : [];
    const groupIds = [...new Set(headers.map((h) => h.working_group_id))];
    const groups = await withOwnerRights(m, () => this.repository.workingGroupNames(m, groupIds));
    return headers.map((h) => {
      const inForce = roles.get(h.id) ?? null;
      return {
        id: h.id,
        workingGroupId: h.working_group_id,
        workingGroupName: groups.get(h.working_group_id) ?? '',
        createdAt: h.created_at,
        viewerAccess: h.access,
        parties: parties
          .filter((p) => p.cluster_id === h.id)
          .map((p): ClusterParty => {
            const r = inForce?.find((x) => x.organisationId === p.organisation_id);
            return {
              organisationId: p.organisation_id,
              organisationName: p.organisation_name,
              joinedAt: p.joined_at,
              leftAt: p.left_at,
              role: r?.role ?? null,
              mayRefer: r ? r.mayRefer || r.role === 'lead' || r.role === 'co_lead' : false,
            };
          }),
        // A coordinator's own organisation has no case in the cluster; [] either way.
        myCases:
          h.access === 'coordinator'
            ? []
            : cases
                .filter((c) => c.cluster_id === h.id)
                .map((c) => ({ id: c.id, reference: c.reference })),
      };
    });
  }
}
