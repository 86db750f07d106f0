import { ErrorCode, matchesReferencePattern } from '@parallax/domain';
import { CasesException } from './cases.exception.js';

/**
 * Refuses a reference that does not follow the organisation's pattern
 * (REFERENCE_PATTERN_MISMATCH); any reference passes when it has none.
 * Called inside the case's own transaction, before anything is written.
 */
export function assertReferenceFollowsPattern(pattern: string | null, reference: string): void {
  if (!matchesReferencePattern(pattern, reference)) {
    throw new CasesException(
      ErrorCode.ReferencePatternMismatch,
      `The reference does not follow your organisation's pattern ${pattern ?? ''}`,
      { field: 'reference', pattern: pattern ?? '' },
    );
  }
}
