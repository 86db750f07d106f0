import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../../common/errors/domain-exception.js';

export const CLUSTERS_ERROR_CODES = [ErrorCode.NotFound, ErrorCode.InvalidCursor] as const;
export type ClustersErrorCode = (typeof CLUSTERS_ERROR_CODES)[number];

export class ClustersException extends DomainException {
  constructor(code: ClustersErrorCode, message: string, details?: Record<string, string>) {
    super(code, message, details);
  }
}
