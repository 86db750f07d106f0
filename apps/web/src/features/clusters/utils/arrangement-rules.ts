import {
  MAX_DEADLINE_MS,
  MIN_DEADLINE_MS,
  rolesProblem,
  type ArrangementState,
  type ArrangementStatus,
  type PartyRole,
} from '@parallax/domain';
import type { MessageId } from '../../../i18n/messages';
import type { ArrangementView } from './cluster-view';

/**
 * The arrangement as the shared rule book (@parallax/domain) models it, so the
 * form asks the same `rolesProblem` the API will: the user sees the problem
 * before sending. Fields the page does not receive are neutral.
 */
export function toDomainState(view: ArrangementView): ArrangementState {
  const proposal = view.proposal ?? null;
  return {
    version: view.version,
    status: view.status as ArrangementStatus,
    parties: [...view.parties].sort(),
    scope: [...view.scope].sort(),
    inForce: view.inForce ? view.inForce.map((r) => ({ ...r })) : null,
    inForceBy:
      view.inForceBy === 'decision' || view.inForceBy === 'agreement' ? view.inForceBy : null,
    proposal: proposal && {
      number: proposal.number,
      proposedBy: proposal.proposedBy,
      counterTo: proposal.counterTo ?? null,
      roles: proposal.roles.map((r) => ({ ...r })),
      deadline: proposal.deadline,
      mustAnswer: [...proposal.mustAnswer],
      answers: Object.fromEntries(
        proposal.answers.map((a) => [
          a.organisationId,
          a.answer === 'accepted' ? 'accepted' : 'rejected',
        ]),
      ),
    },
    rejections: view.rejections,
    nextProposalNumber: (proposal?.number ?? 0) + 1,
    escalation: null,
    reopenRequest: null,
  };
}

/**
 * Whether a proposal now renegotiates every role (true) or only the reopened
 * parties' (a newcomer's place), exactly as the rule book decides: an agreed
 * arrangement is renegotiated whole.
 */
export function isFullScope(view: ArrangementView): boolean {
  if (view.status === 'agreed' || !view.inForce) return true;
  return view.scope.length === view.parties.length;
}

/** The rule book's problems, as messages the user reads in their language. */
const PROBLEMS: Readonly<Record<string, MessageId>> = {
  'A party has two roles': 'arrangement.problem.twoRoles',
  'Give every party exactly one role': 'arrangement.problem.everyParty',
  'Unknown role': 'arrangement.problem.everyParty',
  'At most one organisation leads': 'arrangement.problem.oneLead',
  'Someone must lead or co-lead': 'arrangement.problem.needLead',
  'Only the reopened parties’ roles may change': 'arrangement.problem.scope',
};

export function rolesProblemMessage(
  view: ArrangementView,
  roles: readonly PartyRole[],
  fullScope: boolean,
): MessageId | null {
  const problem = rolesProblem(toDomainState(view), roles, fullScope);
  if (problem === null) return null;
  return PROBLEMS[problem] ?? 'arrangement.problem.invalid';
}

/** The rule book's bounds on a response deadline (at least an hour, at most 60 days). */
export function deadlineProblemMessage(
  iso: string | null,
  now: Date = new Date(),
): MessageId | null {
  if (!iso) return 'arrangement.problem.deadlineMissing';
  const ahead = Date.parse(iso) - now.getTime();
  if (ahead < MIN_DEADLINE_MS) return 'arrangement.problem.deadlineSoon';
  if (ahead > MAX_DEADLINE_MS) return 'arrangement.problem.deadlineFar';
  return null;
}
