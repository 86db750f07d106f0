import type { ReferralStatus } from '@parallax/domain';

import type { ClusterQuery } from '../../../gql/graphql';

/** The cluster as the page's query (`Cluster($id)`) returns it: what the panels receive. */
export type ClusterData = ClusterQuery['cluster'];

/**
 * The parts of a cluster the arrangement and referrals panels read, as the
 * contract of issue 11 names them. Structural, so their parts take the
 * query's type (a superset) and tests build only what they read.
 */
export type LeadRoleValue = 'lead' | 'co_lead' | 'supporting' | 'observer' | 'withdrawn';

export interface PartyRoleView {
  readonly organisationId: string;
  readonly role: LeadRoleValue;
  readonly mayRefer: boolean;
}

export interface ProposalView {
  readonly number: number;
  readonly proposedBy: string;
  readonly counterTo?: number | null;
  readonly roles: readonly PartyRoleView[];
  readonly deadline: string;
  readonly mustAnswer: readonly string[];
  readonly answers: readonly { readonly organisationId: string; readonly answer: string }[];
}

export interface ArrangementEventView {
  readonly id: string;
  readonly version: number;
  readonly kind: string;
  readonly at: string;
  readonly actorOrganisationId?: string | null;
  readonly byCoordinator: boolean;
  readonly roles?: readonly PartyRoleView[] | null;
  readonly proposalNumber?: number | null;
  readonly noteMessageId?: string | null;
}

export interface ArrangementView {
  readonly clusterId: string;
  readonly version: number;
  readonly status: string;
  readonly parties: readonly string[];
  readonly scope: readonly string[];
  readonly inForce?: readonly PartyRoleView[] | null;
  readonly inForceBy?: string | null;
  readonly proposal?: ProposalView | null;
  readonly rejections: number;
  readonly escalationReason?: string | null;
  readonly escalatedAt?: string | null;
  readonly reopenRequestedBy?: string | null;
  readonly history: readonly ArrangementEventView[];
  readonly availableActions: readonly string[];
}

export interface ReferralEventView {
  readonly version: number;
  readonly status: ReferralStatus;
  readonly statusOn: unknown;
  readonly at: string;
  readonly actorOrganisationId?: string | null;
  readonly noteMessageId?: string | null;
}

export interface ReferralView {
  readonly id: string;
  readonly clusterId: string;
  readonly organisationId: string;
  readonly authorityId: string;
  readonly authorityName: string;
  readonly referredOn: string;
  readonly categories: readonly string[];
  readonly status: ReferralStatus;
  readonly statusOn: string;
  readonly version: number;
  readonly nextStatuses: readonly ReferralStatus[];
  readonly history: readonly ReferralEventView[];
  readonly reminderDue: boolean;
}

export interface ClusterPartyView {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly joinedAt: string;
  readonly leftAt?: string | null;
  readonly role?: LeadRoleValue | null;
  readonly mayRefer: boolean;
}

export interface ClusterView {
  readonly id: string;
  readonly workingGroupId: string;
  readonly parties: readonly ClusterPartyView[];
  readonly viewerAccess: string;
  readonly arrangement: ArrangementView;
  readonly referrals: readonly ReferralView[];
}

/** The name of an organisation of the cluster, or null when the viewer was never told it. */
export function partyName(
  cluster: Pick<ClusterView, 'parties'>,
  organisationId: string | null | undefined,
): string | null {
  if (!organisationId) return null;
  return cluster.parties.find((p) => p.organisationId === organisationId)?.organisationName ?? null;
}
