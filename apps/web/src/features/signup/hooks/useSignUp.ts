import { useReducer, useRef, type FormEvent, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { bytesToBase64 } from '../../../crypto/base64';
import type { NewAccountKeys } from '../../../crypto/kdf-protocol';
import { useKeyDerivation } from '../../../crypto/key-derivation';
import { useKeyStore } from '../../../crypto/key-store';
import { CompleteSignUpDocument } from '../../../gql/graphql';
import { errorField } from '../../../graphql/errors';
import { useAction } from '../../../graphql/use-action';
import { useSession } from '../../auth/hooks/session';
import {
  SIGN_UP_FIELDS,
  validateSignUp,
  type SignUpErrors,
  type SignUpField,
  type SignUpValues,
} from '../utils/validation';

type Phase = 'editing' | 'generating' | 'sending';

interface State {
  values: SignUpValues;
  errors: SignUpErrors;
  phase: Phase;
  keysFailed: boolean;
}

type Event =
  | { type: 'set'; field: SignUpField; value: string }
  | { type: 'validated'; errors: SignUpErrors; valid: boolean }
  | { type: 'phase'; phase: Phase }
  | { type: 'keysFailed' }
  | { type: 'rejected'; errors: SignUpErrors; clearCode: boolean };

function reducer(state: State, event: Event): State {
  switch (event.type) {
    case 'set':
      return { ...state, values: { ...state.values, [event.field]: event.value } };
    case 'validated':
      return { ...state, errors: event.errors, keysFailed: event.valid ? false : state.keysFailed };
    case 'phase':
      return { ...state, phase: event.phase };
    case 'keysFailed':
      return { ...state, phase: 'editing', keysFailed: true };
    case 'rejected':
      return {
        ...state,
        phase: 'editing',
        errors: event.errors,
        values: event.clearCode ? { ...state.values, totpCode: '' } : state.values,
      };
  }
}

/**
 * The sign-up flow: validation, then a worker makes the key pairs (X25519 to
 * receive group keys, Ed25519 to sign) and derives the keys from the password
 * (about a second); the server receives only the login key, the public keys
 * and the private keys sealed under a key it never sees. A password reset
 * goes through here too: new key pairs, so the user must be verified again.
 */
export function useSignUp({
  token,
  signUpAttempt,
  invitedEmail,
  onCompleted,
  form,
}: {
  token: string;
  /** The one-time value this browser gave startSignUp: the authenticator secret is this attempt's only. */
  signUpAttempt: string;
  invitedEmail: string | null;
  onCompleted: () => void;
  form: RefObject<HTMLFormElement | null>;
}) {
  const navigate = useNavigate();
  const kdf = useKeyDerivation();
  const keyStore = useKeyStore();
  const session = useSession();
  const complete = useAction(CompleteSignUpDocument);
  const [state, dispatch] = useReducer(reducer, {
    values: {
      email: invitedEmail ?? '',
      displayName: '',
      password: '',
      confirmPassword: '',
      totpCode: '',
    },
    errors: {},
    phase: 'editing',
    keysFailed: false,
  });
  // Keys made for this password survive a rejected code or a dropped
  // connection, so trying again does not repeat the slow derivation.
  const made = useRef<{ password: string; keys: NewAccountKeys } | null>(null);
  const { values, phase } = state;

  const focusField = (field: SignUpField) =>
    form.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (phase !== 'editing') return;
    const found = validateSignUp(values);
    const firstInvalid = SIGN_UP_FIELDS.find((field) => found[field]);
    dispatch({ type: 'validated', errors: found, valid: !firstInvalid });
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    if (made.current?.password !== values.password) {
      dispatch({ type: 'phase', phase: 'generating' });
      try {
        made.current = {
          password: values.password,
          keys: await kdf.createAccount(values.password),
        };
      } catch {
        dispatch({ type: 'keysFailed' });
        return;
      }
    }
    const { keys } = made.current;
    dispatch({ type: 'phase', phase: 'sending' });
    const result = await complete.run({
      input: {
        token,
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        kdfSalt: bytesToBase64(keys.kdfSalt),
        kdfParams: { ...keys.kdfParams },
        loginKey: bytesToBase64(keys.loginKey),
        publicKey: bytesToBase64(keys.publicKey),
        encryptedPrivateKey: bytesToBase64(keys.encryptedPrivateKey),
        signingPublicKey: bytesToBase64(keys.signingPublicKey),
        signUpAttempt,
        encryptedSigningKey: bytesToBase64(keys.encryptedSigningKey),
        totpCode: values.totpCode,
      },
    });
    const user = result.data?.completeSignUp.user;
    if (!user) {
      const field = errorField(result.error);
      if (field === 'totpCode') {
        dispatch({
          type: 'rejected',
          errors: { totpCode: 'signup.codeRejected' },
          clearCode: true,
        });
        focusField('totpCode');
      } else if (field === 'signUpAttempt') {
        // Someone else (who also holds the link) started again meanwhile: this secret is void.
        dispatch({
          type: 'rejected',
          errors: { totpCode: 'signup.attemptSuperseded' },
          clearCode: true,
        });
        focusField('totpCode');
      } else if (field === 'email') {
        dispatch({ type: 'rejected', errors: { email: 'signup.emailMismatch' }, clearCode: false });
        focusField('email');
      } else {
        dispatch({ type: 'phase', phase: 'editing' });
      }
      return;
    }
    keyStore.set({
      userId: user.id,
      encryptionKey: keys.encryptionKey,
      privateKey: keys.privateKey,
      signingPrivateKey: keys.signingPrivateKey,
    });
    keys.loginKey.fill(0);
    made.current = null;
    onCompleted();
    await session.refresh();
    void navigate('/', { replace: true });
  };

  return {
    ...state,
    set: (field: SignUpField) => (value: string) => dispatch({ type: 'set', field, value }),
    submit,
    /** Errors tied to a field show beside it; the rest (network…) above the button. */
    otherError: complete.error && errorField(complete.error) ? undefined : complete.error,
  };
}
