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
  /** A key certificate is malformed or does not say what the request says (kind, group, subject, issuer). */
  CERTIFICATE_INVALID: ErrorCategory.BadUserInput,
  /** The certificate's signature does not verify under the issuer's signing key. */
  CERTIFICATE_SIGNATURE_INVALID: ErrorCategory.BadUserInput,
  /** The keys in the certificate are not the subject's current keys: compare the safety number again. */
  CERTIFICATE_KEY_MISMATCH: ErrorCategory.Conflict,
  /** The issuer or the subject has no signing key yet (an account from before signing keys). */
  SIGNING_KEY_MISSING: ErrorCategory.Conflict,
  /** The account already has a signing key; it changes only with a password reset. */
  SIGNING_KEY_EXISTS: ErrorCategory.Conflict,
  /** A blinded element is not a valid group element: the whole batch was refused, nothing evaluated. */
  INVALID_BLINDED_ELEMENT: ErrorCategory.BadUserInput,
  /** A request asked for more than one OPRF evaluation (aliases or repeated fields): one `evaluateOprf` per request. */
  ONE_OPRF_PER_REQUEST: ErrorCategory.BadUserInput,
  // request limits (any operation)
  /** The request exceeds a limit on aliases, tokens, depth, directives or cost (`details.limit` says which). */
  QUERY_TOO_COMPLEX: ErrorCategory.BadUserInput,
  /** The request body is larger than the hub accepts. */
  REQUEST_TOO_LARGE: ErrorCategory.BadUserInput,
  /** A text value contains a NUL character or is longer than any field accepts. */
  INVALID_TEXT: ErrorCategory.BadUserInput,
  /** A list's `after` cursor is not one this hub gave out for that list (or the list's filters changed): start again from the first page. */
  INVALID_CURSOR: ErrorCategory.BadUserInput,
  /** A list's `from` time is after its `to` time: nothing can match, so the request is refused. */
  INVALID_DATE_RANGE: ErrorCategory.BadUserInput,
  // idempotency (any mutation sent with an Idempotency-Key header)
  /** The Idempotency-Key header is not a UUID v4 (one random key per user action). */
  IDEMPOTENCY_KEY_INVALID: ErrorCategory.BadUserInput,
  /** The Idempotency-Key was used before for another operation or other variables: make a new key per action. */
  IDEMPOTENCY_KEY_REUSED: ErrorCategory.Conflict,
  /** An attempt with this Idempotency-Key is still being processed: retry a little later to get its answer. */
  IDEMPOTENCY_IN_PROGRESS: ErrorCategory.Conflict,
  // auth
  /** Too many failed sign-ins from this network: wait `details.retryAfterSeconds`. */
  SIGN_IN_THROTTLED: ErrorCategory.RateLimited,
  // cases
  /** The case was withdrawn and can no longer change. */
  CASE_WITHDRAWN: ErrorCategory.Conflict,
  /** A case describes one person: it has more names, aliases or readings than MAX_NAMES_PER_CASE allows. */
  CASE_TOO_MANY_NAMES: ErrorCategory.BadUserInput,
  /** A case carries more fingerprints of a kind, or in all, than one person yields (MAX_FINGERPRINTS_PER_KIND…). */
  CASE_TOO_MANY_FINGERPRINTS: ErrorCategory.BadUserInput,
  /** The fingerprints of a kind are not padded to a size class (4, 8, 16…): update the client. */
  CASE_FINGERPRINTS_NOT_PADDED: ErrorCategory.BadUserInput,
  /** The organisation left the case's working group: the case is frozen (no matching, no changes). */
  CASE_FROZEN: ErrorCategory.Conflict,
  /** The case reference does not follow the organisation's reference pattern (`details.pattern` says which). */
  REFERENCE_PATTERN_MISMATCH: ErrorCategory.BadUserInput,
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
  /** A coordinator must come from an organisation that is not a member of the group (a secretariat). */
  COORDINATOR_FROM_MEMBER: ErrorCategory.Conflict,
  /** A case reference pattern uses a character it may not, is too long, or has two `*` not parted by a separator. */
  INVALID_REFERENCE_PATTERN: ErrorCategory.BadUserInput,
  // clusters: conversation
  /** A sealed message's copies do not match the cluster's current recipients (a copy for a non-participant, a duplicate, none for the sender's own organisation, or a copy that is not base64 of a plausible size). */
  MESSAGE_RECIPIENTS_INVALID: ErrorCategory.BadUserInput,
  /** A message with this id exists already: seal the message again under a new id. */
  MESSAGE_ID_REUSED: ErrorCategory.Conflict,
  // clusters: referrals
  /** Under the lead roles in force, the caller's organisation may not refer this cluster (not lead, co-lead or allowed to refer), or is not an active party. */
  REFERRAL_NOT_ALLOWED: ErrorCategory.Forbidden,
  /** The referral cannot move to that status from its current one (see the referral graph). */
  REFERRAL_TRANSITION_INVALID: ErrorCategory.Conflict,
  /** The referral changed since it was read (expectedVersion is not current): reload it. */
  REFERRAL_VERSION_STALE: ErrorCategory.Conflict,
  /** The authority is not in the hub's list (or 'other' was chosen without a name). */
  UNKNOWN_AUTHORITY: ErrorCategory.BadUserInput,
  // clusters: lead arrangement
  /** The arrangement changed since the version the caller read (`expectedVersion`): reload it and act again. */
  ARRANGEMENT_VERSION_STALE: ErrorCategory.Conflict,
  /** The rule book refuses the action in the arrangement's current state (nothing to answer, already answered, a replaced proposal, a binding decision). */
  ARRANGEMENT_NOT_ALLOWED: ErrorCategory.Conflict,
  /** The proposed or decided roles are not an arrangement: one role per party, at most one lead, someone leads or co-leads. */
  ARRANGEMENT_INVALID_ROLES: ErrorCategory.BadUserInput,
  /** A proposal's answer deadline is between one hour and 60 days ahead. */
  ARRANGEMENT_INVALID_DEADLINE: ErrorCategory.BadUserInput,
  /** The caller's role may not negotiate the lead for its organisation (admins only, unless an admin allows investigators). */
  NOT_A_NEGOTIATOR: ErrorCategory.Forbidden,
  /** This arrangement action needs a note (a reason, a comment): a sealed message sent with it. */
  NOTE_REQUIRED: ErrorCategory.BadUserInput,
  // donor metrics
  /** The release would take the working group's privacy budget for that year over its cap: no release is made. */
  PRIVACY_BUDGET_EXHAUSTED: ErrorCategory.Conflict,
  /** The fingerprints were made under another fingerprint schema version than the group's key epoch uses: rotate the keys, then re-fingerprint. */
  FINGERPRINT_SCHEMA_MISMATCH: ErrorCategory.Conflict,
  /** A draft or published release exists already for this working group and month (a withheld one can be computed again, at a new cost). */
  METRICS_RELEASE_EXISTS: ErrorCategory.Conflict,
  /** The month is not a complete past month of the working group's life (format YYYY-MM). */
  METRICS_PERIOD_INVALID: ErrorCategory.BadUserInput,
  /** The release changed since it was read (expectedVersion is not current): reload it. */
  METRICS_RELEASE_VERSION_STALE: ErrorCategory.Conflict,
  /** Only a draft can be published or withheld. */
  METRICS_RELEASE_NOT_DRAFT: ErrorCategory.Conflict,
} as const satisfies Record<string, ErrorCategory>;

export type SpecificErrorCode = keyof typeof SPECIFIC;

/** Every code the API may send: the categories themselves, and the specific codes. */
export const ErrorCode = {
  ...ErrorCategory,
  StaleEpoch: 'STALE_EPOCH',
  BudgetExhausted: 'BUDGET_EXHAUSTED',
  CertificateInvalid: 'CERTIFICATE_INVALID',
  CertificateSignatureInvalid: 'CERTIFICATE_SIGNATURE_INVALID',
  CertificateKeyMismatch: 'CERTIFICATE_KEY_MISMATCH',
  SigningKeyMissing: 'SIGNING_KEY_MISSING',
  SigningKeyExists: 'SIGNING_KEY_EXISTS',
  InvalidBlindedElement: 'INVALID_BLINDED_ELEMENT',
  OneOprfPerRequest: 'ONE_OPRF_PER_REQUEST',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  RequestTooLarge: 'REQUEST_TOO_LARGE',
  InvalidText: 'INVALID_TEXT',
  InvalidCursor: 'INVALID_CURSOR',
  InvalidDateRange: 'INVALID_DATE_RANGE',
  IdempotencyKeyInvalid: 'IDEMPOTENCY_KEY_INVALID',
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyInProgress: 'IDEMPOTENCY_IN_PROGRESS',
  SignInThrottled: 'SIGN_IN_THROTTLED',
  CaseWithdrawn: 'CASE_WITHDRAWN',
  CaseTooManyNames: 'CASE_TOO_MANY_NAMES',
  CaseTooManyFingerprints: 'CASE_TOO_MANY_FINGERPRINTS',
  CaseFingerprintsNotPadded: 'CASE_FINGERPRINTS_NOT_PADDED',
  CaseFrozen: 'CASE_FROZEN',
  ReferencePatternMismatch: 'REFERENCE_PATTERN_MISMATCH',
  OverlapRetracted: 'OVERLAP_RETRACTED',
  ContactAlreadyRequested: 'CONTACT_ALREADY_REQUESTED',
  NoContactRequest: 'NO_CONTACT_REQUEST',
  EmailTaken: 'EMAIL_TAKEN',
  LastAdmin: 'LAST_ADMIN',
  NameTaken: 'NAME_TAKEN',
  AlreadyMember: 'ALREADY_MEMBER',
  LastCoordinator: 'LAST_COORDINATOR',
  CoordinatorFromMember: 'COORDINATOR_FROM_MEMBER',
  InvalidReferencePattern: 'INVALID_REFERENCE_PATTERN',
  MessageRecipientsInvalid: 'MESSAGE_RECIPIENTS_INVALID',
  MessageIdReused: 'MESSAGE_ID_REUSED',
  ReferralNotAllowed: 'REFERRAL_NOT_ALLOWED',
  ReferralTransitionInvalid: 'REFERRAL_TRANSITION_INVALID',
  ReferralVersionStale: 'REFERRAL_VERSION_STALE',
  UnknownAuthority: 'UNKNOWN_AUTHORITY',
  ArrangementVersionStale: 'ARRANGEMENT_VERSION_STALE',
  ArrangementNotAllowed: 'ARRANGEMENT_NOT_ALLOWED',
  ArrangementInvalidRoles: 'ARRANGEMENT_INVALID_ROLES',
  ArrangementInvalidDeadline: 'ARRANGEMENT_INVALID_DEADLINE',
  NotANegotiator: 'NOT_A_NEGOTIATOR',
  NoteRequired: 'NOTE_REQUIRED',
  PrivacyBudgetExhausted: 'PRIVACY_BUDGET_EXHAUSTED',
  FingerprintSchemaMismatch: 'FINGERPRINT_SCHEMA_MISMATCH',
  MetricsReleaseExists: 'METRICS_RELEASE_EXISTS',
  MetricsPeriodInvalid: 'METRICS_PERIOD_INVALID',
  MetricsReleaseVersionStale: 'METRICS_RELEASE_VERSION_STALE',
  MetricsReleaseNotDraft: 'METRICS_RELEASE_NOT_DRAFT',
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
