import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

/** The only codes this module raises. */
export const WORKING_GROUPS_ERROR_CODES = [
  ErrorCode.BadUserInput,
  ErrorCode.NotFound,
  ErrorCode.NameTaken,
  ErrorCode.AlreadyMember,
  ErrorCode.LastCoordinator,
  ErrorCode.CoordinatorFromMember,
] as const;
export type WorkingGroupsErrorCode = (typeof WORKING_GROUPS_ERROR_CODES)[number];

export class WorkingGroupsException extends DomainException {
  constructor(code: WorkingGroupsErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
