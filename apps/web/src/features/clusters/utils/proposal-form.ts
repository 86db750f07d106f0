import type { PartyRole } from '@parallax/domain';
import type { ArrangementView, LeadRoleValue, PartyRoleView } from './cluster-view';
import { defaultDeadline } from './deadline';

/**
 * The proposal form's state and reducer, pure so its rules are tested
 * without rendering. One form serves a proposal, a counter-proposal (prefilled
 * with the proposal it answers) and a coordinator's decision (no deadline).
 */
export type ProposalMode = 'propose' | 'counter' | 'decide';

export interface RoleChoice {
  role: LeadRoleValue | '';
  mayRefer: boolean;
}

export interface ProposalFormState {
  mode: ProposalMode;
  /** The parties in the rule book's order (sorted ids). */
  parties: string[];
  roles: Record<string, RoleChoice>;
  /** Parties whose role stays as in force (outside a newcomer's reopening). */
  locked: string[];
  /** datetime-local value; unused by a decision. */
  deadline: string;
  /** Proposal message, or a decision's reason (sealed before sending). */
  message: string;
  /** Problems are shown once the user tried to send. */
  attempted: boolean;
}

export type ProposalFormAction =
  | { type: 'role'; organisationId: string; role: LeadRoleValue | '' }
  | { type: 'mayRefer'; organisationId: string; mayRefer: boolean }
  | { type: 'deadline'; value: string }
  | { type: 'message'; value: string }
  | { type: 'attempted' }
  | { type: 'reset'; state: ProposalFormState };

/** Lead and co-lead always may refer and withdrawn never: only the others choose. */
export const choosesMayRefer = (role: LeadRoleValue | ''): boolean =>
  role === 'supporting' || role === 'observer';

const choice = (r: PartyRoleView | undefined): RoleChoice =>
  r
    ? { role: r.role, mayRefer: choosesMayRefer(r.role) && r.mayRefer }
    : { role: '', mayRefer: false };

/**
 * The form as it opens: a counter starts from the proposal it answers, any
 * other from the roles in force; parties outside a partial reopening are
 * locked to their role in force.
 */
export function initialProposalForm(
  arrangement: ArrangementView,
  mode: ProposalMode,
  fullScope: boolean,
  now: Date = new Date(),
): ProposalFormState {
  const parties = [...arrangement.parties].sort();
  const source = mode === 'counter' ? arrangement.proposal?.roles : arrangement.inForce;
  const find = (id: string) => source?.find((r) => r.organisationId === id);
  const locked =
    fullScope || mode === 'decide'
      ? []
      : parties.filter(
          (id) =>
            !arrangement.scope.includes(id) &&
            arrangement.inForce?.some((r) => r.organisationId === id),
        );
  return {
    mode,
    parties,
    roles: Object.fromEntries(parties.map((id) => [id, choice(find(id))])),
    locked,
    deadline: defaultDeadline(now),
    message: '',
    attempted: false,
  };
}

export function proposalFormReducer(
  state: ProposalFormState,
  action: ProposalFormAction,
): ProposalFormState {
  switch (action.type) {
    case 'role': {
      if (state.locked.includes(action.organisationId)) return state;
      const before = state.roles[action.organisationId] ?? { role: '', mayRefer: false };
      const mayRefer = choosesMayRefer(action.role) && before.mayRefer;
      return {
        ...state,
        roles: { ...state.roles, [action.organisationId]: { role: action.role, mayRefer } },
      };
    }
    case 'mayRefer': {
      const before = state.roles[action.organisationId];
      if (!before || state.locked.includes(action.organisationId) || !choosesMayRefer(before.role))
        return state;
      return {
        ...state,
        roles: {
          ...state.roles,
          [action.organisationId]: { ...before, mayRefer: action.mayRefer },
        },
      };
    }
    case 'deadline':
      return { ...state, deadline: action.value };
    case 'message':
      return { ...state, message: action.value };
    case 'attempted':
      return { ...state, attempted: true };
    case 'reset':
      return action.state;
  }
}

/** The roles as the rule book and the API take them; a party without a role is left out (a problem). */
export function chosenRoles(state: ProposalFormState): PartyRole[] {
  return state.parties.flatMap((organisationId) => {
    const c = state.roles[organisationId];
    if (!c || c.role === '') return [];
    const mayRefer =
      c.role === 'lead' || c.role === 'co_lead' ? true : choosesMayRefer(c.role) && c.mayRefer;
    return [{ organisationId, role: c.role, mayRefer }];
  });
}
