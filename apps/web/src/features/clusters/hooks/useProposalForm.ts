import { useReducer } from 'react';
import type { MessageId } from '../../../i18n/messages';
import {
  deadlineProblemMessage,
  isFullScope,
  rolesProblemMessage,
} from '../utils/arrangement-rules';
import type { ArrangementView } from '../utils/cluster-view';
import { localInputToIso } from '../utils/deadline';
import {
  chosenRoles,
  initialProposalForm,
  proposalFormReducer,
  type ProposalMode,
} from '../utils/proposal-form';

/**
 * The proposal form (propose, counter, decide): a reducer for its many
 * fields, and the rule book's verdict on them, so the problem is on screen
 * before anything is sent.
 */
export function useProposalForm(arrangement: ArrangementView, mode: ProposalMode) {
  // A coordinator's decision sets every role; otherwise the rule book's scope.
  const fullScope = mode === 'decide' || isFullScope(arrangement);
  const [state, dispatch] = useReducer(proposalFormReducer, undefined, () =>
    initialProposalForm(arrangement, mode, fullScope),
  );
  const roles = chosenRoles(state);
  const rolesProblem: MessageId | null =
    roles.length < state.parties.length
      ? 'arrangement.problem.everyParty'
      : rolesProblemMessage(arrangement, roles, fullScope);
  const deadline = localInputToIso(state.deadline);
  const deadlineProblem = mode === 'decide' ? null : deadlineProblemMessage(deadline);
  // A decision binds the parties: they are told why.
  const messageProblem: MessageId | null =
    mode === 'decide' && !state.message.trim() ? 'arrangement.problem.reasonRequired' : null;

  return {
    state,
    dispatch,
    roles,
    deadline,
    rolesProblem,
    deadlineProblem,
    messageProblem,
    valid: !rolesProblem && !deadlineProblem && !messageProblem,
  };
}
