import type { CaseTags } from '../components/CaseTagsFields';
import { defaultTags } from '../components/CaseTagsFields';
import { emptyPerson, type PersonFormValues } from '../utils/person-form';

export type Phase =
  | { step: 'idle' }
  | { step: 'fingerprinting'; done: number; total: number }
  | { step: 'registering' };

interface RegisterCaseState {
  groupId: string;
  reference: string;
  tags: CaseTags;
  person: PersonFormValues;
  country: string;
  /** Errors show once a submission was attempted. */
  attempted: boolean;
  phase: Phase;
  error: unknown;
}

type RegisterCaseEvent =
  | { type: 'groupId'; value: string }
  | { type: 'reference'; value: string }
  | { type: 'tags'; value: CaseTags }
  | { type: 'person'; value: PersonFormValues }
  | { type: 'country'; value: string }
  | { type: 'submitted' }
  | { type: 'phase'; phase: Phase }
  | { type: 'failed'; error: unknown }
  | { type: 'registered' };

export function initialRegisterCaseState(groupId: string): RegisterCaseState {
  return {
    groupId,
    reference: '',
    tags: defaultTags(),
    person: emptyPerson(),
    country: '',
    attempted: false,
    phase: { step: 'idle' },
    error: null,
  };
}

export function registerCaseReducer(
  state: RegisterCaseState,
  event: RegisterCaseEvent,
): RegisterCaseState {
  switch (event.type) {
    case 'groupId':
    case 'reference':
    case 'tags':
    case 'person':
    case 'country':
      return { ...state, [event.type]: event.value };
    case 'submitted':
      return { ...state, attempted: true, error: null };
    case 'phase':
      return { ...state, phase: event.phase };
    case 'failed':
      return { ...state, error: event.error };
    case 'registered':
      // Forget the identifiers before leaving.
      return { ...state, person: emptyPerson(), reference: '' };
  }
}
