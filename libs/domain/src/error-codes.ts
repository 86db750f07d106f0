/**
 * Stable, machine-readable error codes shared by the API and every client.
 *
 * Two levels: a handful of generic *categories* (what kind of failure: bad
 * input, not found, conflict…) and specific *codes* that say exactly what
 * went wrong (`STALE_EPOCH`, `CASE_WITHDRAWN`, `BUDGET_EXHAUSTED`…). The API
 * sends the specific code as `extensions.code` and its category as
 * `extensions.category`; a client that knows the code shows a precise,
 * translated message, one that does not falls back on the category.
 *
 * A code, once published, never changes meaning: add new codes instead.
 * Every code has a translation in each locale of the web client (tested).
 */
export const ErrorCategory = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  /** The action needs a fresh second factor: re-enter a TOTP code (`stepUp`). */
  StepUpRequired: 'STEP_UP_REQUIRED',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCategory = (typeof ErrorCategory)[keyof typeof ErrorCategory];

/**
 * Specific codes, grouped by the module that raises them, each with its
 * category. Keep the groups in the order of the API's modules.
 */
const SPECIFIC = {
  // keys and OPRF
  /** The client used a key epoch that is no longer current: fetch the group key and fingerprint again. */
  STALE_EPOCH: ErrorCategory.Conflict,
  /** The organisation's (or user's) OPRF allowance for today is used up. */
  BUDGET_EXHAUSTED: ErrorCategory.RateLimited,
  // cases
  /** The case was withdrawn and can no longer change. */
  CASE_WITHDRAWN: ErrorCategory.Conflict,
  // overlaps
  /** The overlap was retracted: nothing more can be done on it. */
  OVERLAP_RETRACTED: ErrorCategory.Conflict,
  /** This organisation already asked the other for contact on this overlap. */
  CONTACT_ALREADY_REQUESTED: ErrorCategory.Conflict,
  /** There is no pending contact request to accept or decline. */
  NO_CONTACT_REQUEST: ErrorCategory.Conflict,
  // users
  /** An account with this e-mail address exists. */
  EMAIL_TAKEN: ErrorCategory.Conflict,
  /** The change would leave the organisation without an active admin. */
  LAST_ADMIN: ErrorCategory.Conflict,
  // organisations and working groups
  /** An organisation or working group with this name exists. */
  NAME_TAKEN: ErrorCategory.Conflict,
  /** The organisation is already invited to, or a member of, the working group. */
  ALREADY_MEMBER: ErrorCategory.Conflict,
  /** The change would leave the working group without a coordinator. */
  LAST_COORDINATOR: ErrorCategory.Conflict,
} as const satisfies Record<string, ErrorCategory>;

export type SpecificErrorCode = keyof typeof SPECIFIC;

/** Every code the API may send: the categories themselves, and the specific codes. */
export const ErrorCode = {
  ...ErrorCategory,
  StaleEpoch: 'STALE_EPOCH',
  BudgetExhausted: 'BUDGET_EXHAUSTED',
  CaseWithdrawn: 'CASE_WITHDRAWN',
  OverlapRetracted: 'OVERLAP_RETRACTED',
  ContactAlreadyRequested: 'CONTACT_ALREADY_REQUESTED',
  NoContactRequest: 'NO_CONTACT_REQUEST',
  EmailTaken: 'EMAIL_TAKEN',
  LastAdmin: 'LAST_ADMIN',
  NameTaken: 'NAME_TAKEN',
  AlreadyMember: 'ALREADY_MEMBER',
  LastCoordinator: 'LAST_COORDINATOR',
} as const satisfies Record<string, ErrorCategory | SpecificErrorCode>;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ALL_ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);
export const ALL_ERROR_CATEGORIES: readonly ErrorCategory[] = Object.values(ErrorCategory);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ALL_ERROR_CODES as readonly string[]).includes(value);
}

function isErrorCategory(value: unknown): value is ErrorCategory {
  return typeof value === 'string' && (ALL_ERROR_CATEGORIES as readonly string[]).includes(value);
}

/** The generic category of a code (a category is its own category). */
export function errorCategoryOf(code: ErrorCode): ErrorCategory {
  return isErrorCategory(code) ? code : SPECIFIC[code];
}
