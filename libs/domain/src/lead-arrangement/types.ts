/**
 * Who leads a cluster (one suspect tracked by several organisations): the
 * vocabulary and the state of a lead arrangement. The rules live in
 * `transition.ts`; the API stores the state as JSON and enforces it with an
 * optimistic version, the web client asks the same rules which buttons to show.
 */
export const LEAD_ROLES = ['lead', 'co_lead', 'supporting', 'observer', 'withdrawn'] as const;
export type LeadRole = (typeof LEAD_ROLES)[number];

export const ARRANGEMENT_STATUSES = [
  /** Nothing in force for some parties (`scope`) and nothing on the table. */
  'open',
  /** A proposal waits for answers. */
  'proposed',
  /** Every party accepted the same version. */
  'agreed',
  /** Deadline passed or rejected twice: the coordinators mediate (parties may still agree). */
  'escalated',
  /** A coordinator decided: binding until a reopening is granted. */
  'decided',
  /** A party asked the coordinators to reopen a decision. */
  'reopen_requested',
] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];

export interface PartyRole {
  organisationId: string;
  role: LeadRole;
  /** May record referrals of the cluster to an authority (always true for lead and co-lead). */
  mayRefer: boolean;
}

export type ProposalAnswer = 'accepted' | 'rejected';

export interface Proposal {
  /** 1, 2, … over the life of the arrangement. */
  number: number;
  proposedBy: string;
  /** The proposal this one answers, when it is a counter-proposal. */
  counterTo: number | null;
  roles: PartyRole[];
  /** ISO 8601 instant. */
  deadline: string;
  /** The parties whose acceptance makes it agreed (never the proposer). */
  mustAnswer: string[];
  answers: Record<string, ProposalAnswer>;
}

export type EscalationReason = 'deadline' | 'rejected_twice';

export interface ArrangementState {
  /** Bumped by every transition: the optimistic-concurrency token. */
  version: number;
  status: ArrangementStatus;
  /** The organisations involved now, sorted. */
  parties: string[];
  /** Parties whose role is open (all of them on a full reopening; a newcomer only otherwise). */
  scope: string[];
  /** The roles in force (last agreement or decision), or null. */
  inForce: PartyRole[] | null;
  inForceBy: 'agreement' | 'decision' | null;
  proposal: Proposal | null;
  /** Rejections since negotiation last (re)started; the second escalates. */
  rejections: number;
  nextProposalNumber: number;
  escalation: { reason: EscalationReason; at: string } | null;
  reopenRequest: { by: string; at: string } | null;
}

/** Who acts: one of the parties (by organisation) or a coordinator of the group. */
export type ArrangementActor =
  { kind: 'party'; organisationId: string } | { kind: 'coordinator' } | { kind: 'system' };

export type ArrangementAction =
  | { type: 'propose'; roles: PartyRole[]; deadline: string; at: string }
  | { type: 'counter'; proposalNumber: number; roles: PartyRole[]; deadline: string; at: string }
  | { type: 'accept'; proposalNumber: number; at: string }
  | { type: 'reject'; proposalNumber: number; at: string }
  | { type: 'deadline_passed'; at: string }
  | { type: 'decide'; roles: PartyRole[]; at: string }
  | { type: 'request_reopen'; at: string }
  | { type: 'answer_reopen'; grant: boolean; at: string }
  | { type: 'party_joined'; organisationId: string; at: string }
  | { type: 'party_left'; organisationId: string; at: string };

export type ArrangementActionType = ArrangementAction['type'];

/** Why a transition was refused; each maps to one stable API error code. */
export const ARRANGEMENT_REFUSALS = [
  'not_a_party',
  'not_a_coordinator',
  'not_allowed_now',
  'invalid_roles',
  'invalid_deadline',
  'stale_proposal',
  'not_yours_to_answer',
  'already_answered',
  'not_due',
] as const;
export type ArrangementRefusal = (typeof ARRANGEMENT_REFUSALS)[number];

/** What a transition means for people: the API audits every one and notifies these audiences. */
export type ArrangementOutcome =
  | 'proposed'
  | 'countered'
  | 'accepted'
  | 'rejected'
  | 'agreed'
  | 'escalated'
  | 'decided'
  | 'reopen_requested'
  | 'reopen_granted'
  | 'reopen_refused'
  | 'reopened'
  | 'proposal_withdrawn'
  | 'party_joined'
  | 'party_left';

export type TransitionResult =
  | { ok: true; state: ArrangementState; outcomes: ArrangementOutcome[] }
  | { ok: false; refusal: ArrangementRefusal; message: string };

/** Proposal deadlines: at least an hour, at most 60 days ahead. */
export const MIN_DEADLINE_MS = 60 * 60 * 1000;
export const MAX_DEADLINE_MS = 60 * 24 * 60 * 60 * 1000;
