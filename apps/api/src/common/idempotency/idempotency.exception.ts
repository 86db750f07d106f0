import { ErrorCode } from '@parallax/domain';
import type { FormattedExecutionResult } from 'graphql';
import { DomainException } from '../errors/domain-exception.js';

/** The only codes this module raises. */
export const IDEMPOTENCY_ERROR_CODES = [
  ErrorCode.IdempotencyKeyInvalid,
  ErrorCode.IdempotencyKeyReused,
  ErrorCode.IdempotencyInProgress,
] as const;
export type IdempotencyErrorCode = (typeof IDEMPOTENCY_ERROR_CODES)[number];

export class IdempotencyException extends DomainException {
  constructor(
    code: IdempotencyErrorCode,
    message: string,
    /**
     * Set when the key's first attempt has an answer: the resolver stops
     * here and the plugin sends that answer in place of the whole response
     * (so this error is never seen; were it ever, "in progress" is still
     * true enough for a client to retry).
     */
    readonly replay?: FormattedExecutionResult,
  ) {
    super(code, message);
  }
}
