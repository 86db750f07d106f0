import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode, type OverlapStrength } from '@parallax/domain';
import { DataSource } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { ClusterLeadIndex } from './cluster-lead.js';
import { CoordinationException } from './coordination.exception.js';
import { CoordinationRepository, type OverlapEdge as Edge } from './coordination.repository.js';
import type { ClusterSummary, CoordinatorPicture } from './models/picture.model.js';

const STRENGTH_ORDER: readonly OverlapStrength[] = ['possible', 'probable', 'strong'];

/** Union-find over cases; components spanning two or more organisations are clusters (one suspect). */
function components(edges: Edge[]): Edge[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(x, p);
    return p;
  };
  for (const e of edges) {
    const [ra, rb] = [find(e.case_a), find(e.case_b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, Edge[]>();
  for (const e of edges) {
    const root = find(e.case_a);
    groups.set(root, [...(groups.get(root) ?? []), e]);
  }
  return [...groups.values()];
}

/**
 * The coordinators' view: clusters, the organisation × organisation matrix
 * and the ageing of unresolved overlaps. Runs with the hub's rights and
 * returns aggregates only — never a case reference or an identifier.
 */
@Injectable()
export class CoordinationService {
  constructor(
    private readonly repository: CoordinationRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async picture(actor: Actor, workingGroupId: string): Promise<CoordinatorPicture> {
    if (!actor.coordinatorOf.includes(workingGroupId)) {
      throw new CoordinationException(ErrorCode.NotFound, 'No such working group');
    }
    const edges = await this.repository.liveEdges(workingGroupId);
    const organisations = await this.repository.memberCaseCounts(workingGroupId);
    const leads = new ClusterLeadIndex(await this.repository.persistedClusters(workingGroupId));

    const clusters: ClusterSummary[] = components(edges)
      .map((group) => {
        const orgs = new Set(group.flatMap((e) => [e.org_a, e.org_b]));
        const cases = new Set(group.flatMap((e) => [e.case_a, e.case_b]));
        const unresolved = group.filter((e) => e.unresolved);
        return {
          index: 0,
          organisationCount: orgs.size,
          caseCount: cases.size,
          strongest:
            group
              .map((e) => e.strength)
              .sort((a, b) => STRENGTH_ORDER.indexOf(b) - STRENGTH_ORDER.indexOf(a))[0] ??
            'possible',
          unresolvedOverlaps: unresolved.length,
          oldestUnresolvedDays: Math.max(0, ...unresolved.map((e) => e.age_days)),
          ...leads.leadOf(cases),
          organisationIds: [...orgs].sort(),
        };
      })
      .sort(
        (a, b) =>
          b.organisationCount - a.organisationCount || b.unresolvedOverlaps - a.unresolvedOverlaps,
      )
      .map((c, i) => ({ ...c, index: i + 1 }));

    const cells = new Map<string, { a: string; b: string; overlaps: number }>();
    for (const e of edges) {
      const [a, b] = e.org_a < e.org_b ? [e.org_a, e.org_b] : [e.org_b, e.org_a];
      const key = `${a}/${b}`;
      const cell = cells.get(key) ?? { a, b, overlaps: 0 };
      cell.overlaps++;
      cells.set(key, cell);
    }
    const open = edges.filter((e) => e.unresolved);
    // Which organisations overlap is sensitive: each look is on record (once an hour per coordinator and group).
    await runAsTenant(this.dataSource, actor, (m) =>
      this.audit.recordRead(m, actor, {
        action: 'coordination.picture_read',
        workingGroupId,
        subjectType: 'working_group',
        subjectId: workingGroupId,
        change: {
          clusters: clusters.length,
          overlaps: edges.length,
          organisations: organisations.length,
        },
      }),
    );
    return {
      workingGroupId,
      clusters,
      organisations,
      matrix: [...cells.values()].sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1)),
      ageing: [
        { bucket: 'under_7_days', count: open.filter((e) => e.age_days < 7).length },
        {
          bucket: '7_to_30_days',
          count: open.filter((e) => e.age_days >= 7 && e.age_days <= 30).length,
        },
        { bucket: 'over_30_days', count: open.filter((e) => e.age_days > 30).length },
      ],
    };
  }
}
