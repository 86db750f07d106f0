import { useReducer, useRef, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { NO_KEYS, registerPersonCase } from '../utils/register';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useFingerprinterFactory } from '../../fingerprinting/utils/fingerprinter';
import { randomIdempotencyKey } from '../../fingerprinting/utils/idempotency';
import {
  hubErrorCategory,
  hubErrorCode,
  hubErrorMessageId,
  useHubRequest,
} from '../../../hub/hub-request';
import type { MessageId } from '../../../i18n/messages';
import { useViewer } from '../../auth/hooks/session';
import { useGroupKey } from '../../group-keys/hooks/store';
import { canFingerprintWith } from '../../group-keys/utils/schema';
import {
  hasIdentifiers,
  isReadableBirthDate,
  personFromForm,
  referenceProblem,
} from '../utils/person-form';
import { useReferencePattern } from '../../organisation/hooks/useReferencePattern';
import { initialRegisterCaseState, registerCaseReducer } from './register-case-state';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** The state the case page opens with after a registration. */
export interface RegisteredState {
  registered: 'created' | 'existing';
}

/**
 * The register-case flow: form state, validation, fingerprinting in a worker
 * and registration with an idempotency key, then the case page.
 */
export function useRegisterCase(initialGroupId: string) {
  const navigate = useNavigate();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const request = useHubRequest();
  const fingerprinterFactory = useFingerprinterFactory();
  const [state, dispatch] = useReducer(
    registerCaseReducer,
    initialGroupId,
    initialRegisterCaseState,
  );
  // The same submission retried keeps its idempotency key (the hub registers
  // it once); a changed form gets a new one.
  const lastAttempt = useRef<{ snapshot: string; key: string } | null>(null);
  const groupKey = useGroupKey(state.groupId);
  const { groupId, reference, tags, person, country, phase, error } = state;
  const busy = phase.step !== 'idle';

  const referencePattern = useReferencePattern();
  const referenceError: MessageId | null = referenceProblem(reference, person, referencePattern);
  const personProblem: MessageId | null = !hasIdentifiers(person)
    ? 'cases.identifiersRequired'
    : person.birthDates.some((d) => !isReadableBirthDate(d)) ||
        person.emails.some((e) => e.trim() && !EMAIL.test(e.trim()))
      ? 'cases.identifiersInvalid'
      : null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    dispatch({ type: 'submitted' });
    if (referenceError || personProblem || !groupId) return;
    // Not under an epoch of other fingerprint rules: the hub would refuse (the notice says why).
    if (!canFingerprintWith(groupKey) || !keys) return;
    const snapshot = JSON.stringify([groupId, reference, tags, person, country]);
    if (lastAttempt.current?.snapshot !== snapshot) {
      lastAttempt.current = { snapshot, key: randomIdempotencyKey() };
    }
    const fingerprinter = fingerprinterFactory();
    dispatch({ type: 'phase', phase: { step: 'fingerprinting', done: 0, total: 1 } });
    try {
      const registration = await registerPersonCase({
        request,
        fingerprinter,
        workingGroupId: groupId,
        epoch: groupKey.epoch,
        groupKey: groupKey.groupKey,
        person: personFromForm(person),
        meta: { reference, ...tags },
        idempotencyKey: lastAttempt.current.key,
        ...(country ? { defaultPhoneCountry: country } : {}),
        onProgress: (done, total) =>
          dispatch({ type: 'phase', phase: { step: 'fingerprinting', done, total } }),
        onRegistering: () => dispatch({ type: 'phase', phase: { step: 'registering' } }),
      });
      dispatch({ type: 'registered' });
      lastAttempt.current = null;
      const registered: RegisteredState = {
        registered: registration.created ? 'created' : 'existing',
      };
      void navigate(`/cases/${registration.caseId}`, { state: registered });
    } catch (caught) {
      dispatch({ type: 'failed', error: caught });
    } finally {
      fingerprinter.dispose();
      dispatch({ type: 'phase', phase: { step: 'idle' } });
    }
  };

  const errorId: MessageId | null =
    error === null
      ? null
      : hubErrorCode(error) === NO_KEYS
        ? 'cases.noKeys'
        : hubErrorCategory(error) === 'RATE_LIMITED'
          ? 'cases.budgetExceeded'
          : hubErrorMessageId(error);

  return {
    state,
    dispatch,
    busy,
    keysUnlocked: keys !== null,
    ready: canFingerprintWith(groupKey) && keys !== null,
    referencePattern,
    referenceError: state.attempted ? referenceError : null,
    personProblem: state.attempted ? personProblem : null,
    errorId,
    submit,
  };
}
