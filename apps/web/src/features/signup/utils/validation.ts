import type { MessageId } from '../../../i18n/messages';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_DISPLAY_NAME_LENGTH = 200;
/** The API's own check; it normalises (trims, lower-cases) the address. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignUpValues {
  email: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  totpCode: string;
}

export type SignUpField = keyof SignUpValues;
export type SignUpErrors = Partial<Record<SignUpField, MessageId>>;

/** Field order: the first invalid one gets the focus. */
export const SIGN_UP_FIELDS: readonly SignUpField[] = [
  'email',
  'displayName',
  'password',
  'confirmPassword',
  'totpCode',
];

/** Characters as people count them (code points), not UTF-16 units. */
const length = (text: string): number => [...text].length;

export function validatePassword(password: string, confirmPassword: string) {
  const errors: Pick<SignUpErrors, 'password' | 'confirmPassword'> = {};
  if (length(password) < MIN_PASSWORD_LENGTH) errors.password = 'signup.passwordTooShort';
  if (confirmPassword !== password) errors.confirmPassword = 'signup.passwordMismatch';
  return errors;
}

export function validateSignUp(values: SignUpValues): SignUpErrors {
  const errors: SignUpErrors = {};
  if (!EMAIL.test(values.email.trim())) errors.email = 'signup.emailInvalid';
  const name = values.displayName.trim();
  if (name.length === 0) errors.displayName = 'signup.nameRequired';
  else if (length(name) > MAX_DISPLAY_NAME_LENGTH) errors.displayName = 'signup.nameTooLong';
  Object.assign(errors, validatePassword(values.password, values.confirmPassword));
  if (!/^\d{6}$/.test(values.totpCode)) errors.totpCode = 'auth.codeFormat';
  return errors;
}
