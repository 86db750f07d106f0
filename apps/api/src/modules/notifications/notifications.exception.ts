import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const NOTIFICATIONS_ERROR_CODES = [ErrorCode.BadUserInput] as const;
export type NotificationsErrorCode = (typeof NOTIFICATIONS_ERROR_CODES)[number];

export class NotificationsException extends DomainException {
  constructor(code: NotificationsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
