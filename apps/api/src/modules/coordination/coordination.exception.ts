import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The picture is refused as "not found" so that it does not confirm a group exists. */
export const COORDINATION_ERROR_CODES = [ErrorCode.NotFound] as const;
export type CoordinationErrorCode = (typeof COORDINATION_ERROR_CODES)[number];

export class CoordinationException extends DomainException {
  constructor(code: CoordinationErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
