import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const CONVERSATIONS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.Forbidden,
  ErrorCode.InvalidCursor,
  ErrorCode.MessageRecipientsInvalid,
  ErrorCode.MessageIdReused,
] as const;
export type ConversationsErrorCode = (typeof CONVERSATIONS_ERROR_CODES)[number];

export class ConversationsException extends DomainException {
  constructor(code: ConversationsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
