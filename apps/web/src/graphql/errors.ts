import { errorCategoryOf, isErrorCode, type ErrorCategory, type ErrorCode } from '@parallax/domain';
import type { CombinedError } from '@urql/core';
import type { MessageId } from '../i18n/messages';

/** The API's stable error code (extensions.code) of the first error that has one. */
export function errorCode(error: CombinedError | undefined): ErrorCode | null {
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const code = graphQLError.extensions?.['code'];
    if (isErrorCode(code)) return code;
  }
  return null;
}

/** The generic category (extensions.category) of the first error with a known code. */
export function errorCategory(error: CombinedError | undefined): ErrorCategory | null {
  const code = errorCode(error);
  return code ? errorCategoryOf(code) : null;
}

/** The input field the API blamed (extensions.details.field), if any. */
export function errorField(error: CombinedError | undefined): string | null {
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const details = graphQLError.extensions?.['details'];
    if (details && typeof details === 'object' && 'field' in details) {
      const field = (details as { field: unknown }).field;
      if (typeof field === 'string') return field;
    }
  }
  return null;
}

export function isStepUpRequired(error: CombinedError | undefined): boolean {
  return errorCode(error) === 'STEP_UP_REQUIRED';
}

/**
 * The translated message for a failed GraphQL operation: the API's stable
 * error code (extensions.code) picks the message; the English text on the
 * wire is never shown.
 */
export function errorMessageId(error: CombinedError): MessageId {
  if (error.networkError) return 'error.network';
  const code = errorCode(error);
  return code ? `error.code.${code}` : 'error.code.INTERNAL';
}

/** Worth pressing "Try again": the request may not have arrived, or the server was briefly unwell. */
export function isRetryable(error: CombinedError): boolean {
  if (error.networkError) return true;
  const category = errorCategory(error);
  return category === null || category === 'INTERNAL' || category === 'SERVICE_UNAVAILABLE';
}
