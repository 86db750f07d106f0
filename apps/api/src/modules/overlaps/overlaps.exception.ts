import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const OVERLAPS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.OverlapRetracted,
  ErrorCode.ContactAlreadyRequested,
  ErrorCode.NoContactRequest,
  ErrorCode.InvalidCursor,
] as const;
export type OverlapsErrorCode = (typeof OVERLAPS_ERROR_CODES)[number];

export class OverlapsException extends DomainException {
  constructor(code: OverlapsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
