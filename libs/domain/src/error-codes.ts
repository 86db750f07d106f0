/**
 * Stable, machine-readable error codes shared by the API and every client.
 * Clients translate these codes; the English message on the wire is only a
 * fallback for logs and for scripts. A code, once published, never changes
 * meaning: add new codes instead.
 */
export const ErrorCode = {
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

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ALL_ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ALL_ERROR_CODES as readonly string[]).includes(value);
}
