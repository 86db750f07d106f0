import { Injectable } from '@nestjs/common';
import type { ArrangementOutcome } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import { ArrangementStore } from '../arrangements/arrangement.store.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { createArrangement, systemTransition } from './cluster-arrangement.js';
import { ClusterFormationRepository, type ClusterRow } from './cluster-formation.repository.js';
import { notifyCluster } from './cluster-notify.js';

/** The revealed overlap that forms, extends or merges a cluster. */
export interface RevealedOverlap {
  id: string;
  working_group_id: string;
  case_a: string;
  case_b: string;
  org_a: string;
  org_b: string;
}

/** Who caused the change, for the audit trail (null fields: the hub itself). */
export interface ClusterCause {
  userId: string | null;
  organisationId: string | null;
}

const HUB: ClusterCause = { userId: null, organisationId: null };

/**
 * The cluster lifecycle: a cluster is a connected component of revealed
 * overlaps. Each method runs in the transaction of its cause (the reveal, the
 * withdrawal, the departure) so the cluster, its arrangement, the audit
 * entries and the alerts commit with it or not at all. The writes span
 * organisations: they are the hub's (`withOwnerRights`). One working group's
 * lifecycle is serialised (see `lockGroup`), so two reveals at the same
 * moment never make two clusters for one case.
 */
@Injectable()
export class ClusterFormationService {
  constructor(
    private readonly repository: ClusterFormationRepository,
    private readonly arrangements: ArrangementStore,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The two cases of a just-revealed overlap end up in one cluster; its id. */
  async onReveal(m: EntityManager, o: RevealedOverlap, by: ClusterCause = HUB): Promise<string> {
    return withOwnerRights(m, async () => {
      await this.repository.lockGroup(m, o.working_group_id);
      const placed = await this.repository.placements(m, [o.case_a, o.case_b]);
      const clusterIds = [...new Set(placed.map((p) => p.cluster_id))];
      if (clusterIds.length === 0) return this.form(m, o, by);
      const clusters = await this.repository.clusters(m, clusterIds);
      const [survivor, ...younger] = clusters;
      if (!survivor) throw new Error('a placed case points to no cluster');
      for (const y of younger) await this.merge(m, y, survivor, by);
      for (const [caseId, org] of [
        [o.case_a, o.org_a],
        [o.case_b, o.org_b],
      ] as const) {
        if (!(await this.repository.placeCase(m, survivor.id, caseId, org))) continue;
        if (await this.repository.joinParty(m, survivor.id, org)) {
          await this.partyJoined(m, survivor, org, by, { overlapId: o.id });
        } else {
          // Another case of an organisation already taking part: no new party, still on record.
          await this.record(m, by, survivor.working_group_id, 'cluster.joined', survivor.id, {
            organisationId: org,
            overlapId: o.id,
            partyJoined: false,
          });
        }
      }
      return survivor.id;
    });
  }

  /** A withdrawn case leaves its cluster; its organisation too when it has no case left there. */
  async onCaseLeft(m: EntityManager, caseId: string, by: ClusterCause = HUB): Promise<void> {
    await withOwnerRights(m, async () => {
      const placed = await this.repository.placement(m, caseId);
      if (!placed || placed.left_at) return;
      const workingGroupId = await this.repository.workingGroupOf(m, placed.cluster_id);
      if (!workingGroupId) return;
      await this.repository.lockGroup(m, workingGroupId);
      // Read again under the lock: a merge may have moved the case meanwhile.
      const left = await this.repository.leaveCase(m, caseId);
      if (!left) return;
      await this.afterCasesLeft(m, left.cluster_id, workingGroupId, left.organisation_id, by, {
        caseId,
      });
    });
  }

  /** An organisation left (or was removed from) the working group: out of all its clusters there. */
  async onOrganisationLeft(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
    by: ClusterCause = HUB,
  ): Promise<void> {
    await withOwnerRights(m, async () => {
      await this.repository.lockGroup(m, workingGroupId);
      const clusterIds = await this.repository.leaveOrganisation(m, workingGroupId, organisationId);
      for (const id of clusterIds) {
        await this.afterCasesLeft(m, id, workingGroupId, organisationId, by, {
          organisationLeftGroup: true,
        });
      }
    });
  }

  private async form(m: EntityManager, o: RevealedOverlap, by: ClusterCause): Promise<string> {
    const id = await this.repository.createCluster(m, o.working_group_id);
    await this.repository.placeCase(m, id, o.case_a, o.org_a);
    await this.repository.placeCase(m, id, o.case_b, o.org_b);
    await this.repository.joinParty(m, id, o.org_a);
    await this.repository.joinParty(m, id, o.org_b);
    await createArrangement(m, this.arrangements, id, o.working_group_id, [
      ...new Set([o.org_a, o.org_b]),
    ]);
    await this.record(m, by, o.working_group_id, 'cluster.formed', id, {
      overlapId: o.id,
      parties: 2,
    });
    // The parties learn of it through the contact acceptance's own alert (which names the cluster).
    return id;
  }

  private async merge(
    m: EntityManager,
    younger: ClusterRow,
    survivor: ClusterRow,
    by: ClusterCause,
  ): Promise<void> {
    // Both arrangements locked before anything moves (older first, as everywhere).
    await this.arrangements.load(m, survivor.id, true);
    await this.arrangements.load(m, younger.id, true);
    const before = new Set(await this.repository.activeParties(m, survivor.id));
    const newcomers = (await this.repository.activeParties(m, younger.id)).filter(
      (org) => !before.has(org),
    );
    await this.repository.merge(m, younger.id, survivor.id);
    await this.arrangements.markMerged(m, younger.id);
    await this.record(m, by, survivor.working_group_id, 'cluster.merged', survivor.id, {
      mergedFrom: younger.id,
      newcomers: newcomers.length,
    });
    for (const org of newcomers)
      await this.partyJoined(m, survivor, org, by, { mergedFrom: younger.id });
  }

  private async partyJoined(
    m: EntityManager,
    cluster: ClusterRow,
    organisationId: string,
    by: ClusterCause,
    detail: Record<string, string>,
  ): Promise<void> {
    const outcomes = await systemTransition(
      m,
      this.arrangements,
      cluster.id,
      'party_joined',
      organisationId,
      detail,
    );
    await this.record(m, by, cluster.working_group_id, 'cluster.joined', cluster.id, {
      organisationId,
      partyJoined: true,
      outcomes,
      ...detail,
    });
    await notifyCluster(m, this.notifications, {
      clusterId: cluster.id,
      workingGroupId: cluster.working_group_id,
      kind: 'arrangement.party_joined',
      payload: { organisationId },
    });
  }

  private async afterCasesLeft(
    m: EntityManager,
    clusterId: string,
    workingGroupId: string,
    organisationId: string,
    by: ClusterCause,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const partyLeft = await this.repository.leavePartyIfNoCase(m, clusterId, organisationId);
    const outcomes: ArrangementOutcome[] = partyLeft
      ? await systemTransition(m, this.arrangements, clusterId, 'party_left', organisationId)
      : [];
    await this.record(m, by, workingGroupId, 'cluster.left', clusterId, {
      organisationId,
      partyLeft,
      outcomes,
      ...detail,
    });
    if (!partyLeft) return;
    await notifyCluster(m, this.notifications, {
      clusterId,
      workingGroupId,
      kind: 'arrangement.party_left',
      payload: { organisationId, reopened: outcomes.includes('reopened') },
    });
  }

  private async record(
    m: EntityManager,
    by: ClusterCause,
    workingGroupId: string,
    action: string,
    clusterId: string,
    change: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(m, {
      actorUserId: by.userId,
      organisationId: by.organisationId,
      workingGroupId,
      action,
      subjectType: 'cluster',
      subjectId: clusterId,
      change,
    });
  }
}
