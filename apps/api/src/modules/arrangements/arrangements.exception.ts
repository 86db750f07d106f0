import { ErrorCode, type ArrangementRefusal } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const ARRANGEMENTS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.ArrangementVersionStale,
  ErrorCode.ArrangementNotAllowed,
  ErrorCode.ArrangementInvalidRoles,
  ErrorCode.ArrangementInvalidDeadline,
  ErrorCode.NotANegotiator,
  ErrorCode.NoteRequired,
] as const;
export type ArrangementsErrorCode = (typeof ARRANGEMENTS_ERROR_CODES)[number];

export class ArrangementsException extends DomainException {
  constructor(code: ArrangementsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}

/** The stable code of each of the rule book's refusals. */
const REFUSAL_CODES: Record<ArrangementRefusal, ArrangementsErrorCode> = {
  // The caller's side was settled before the rule book ran (party or
  // coordinator); left over: a party asking for a coordinator's action or
  // the reverse.
  not_a_party: ErrorCode.Forbidden,
  not_a_coordinator: ErrorCode.Forbidden,
  not_allowed_now: ErrorCode.ArrangementNotAllowed,
  stale_proposal: ErrorCode.ArrangementNotAllowed,
  not_yours_to_answer: ErrorCode.ArrangementNotAllowed,
  already_answered: ErrorCode.ArrangementNotAllowed,
  not_due: ErrorCode.ArrangementNotAllowed,
  invalid_roles: ErrorCode.ArrangementInvalidRoles,
  invalid_deadline: ErrorCode.ArrangementInvalidDeadline,
};

export function refusalException(
  refusal: ArrangementRefusal,
  message: string,
): ArrangementsException {
  return new ArrangementsException(REFUSAL_CODES[refusal], message, { refusal });
}
