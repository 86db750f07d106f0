import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes the hub's OPRF evaluation raises. */
export const OPRF_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.StaleEpoch,
  ErrorCode.BudgetExhausted,
  ErrorCode.InvalidBlindedElement,
] as const;
export type OprfErrorCode = (typeof OPRF_ERROR_CODES)[number];

export class OprfException extends DomainException {
  constructor(code: OprfErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
