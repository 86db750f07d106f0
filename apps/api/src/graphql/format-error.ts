import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, errorCategoryOf } from '@parallax/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainException } from '../common/errors/domain-exception.js';

/** Apollo's own codes for requests that never reached a resolver. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const HTTP_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  429: ErrorCode.RateLimited,
};

export type ErrorLogger = (error: unknown) => void;

/**
 * The one place where exceptions become GraphQL errors with a stable
 * `extensions.code` (specific) and `extensions.category` (generic). Unknown errors are logged and replaced by a generic
 * message: internals (SQL, stack traces, input values) never reach a client.
 */
export function makeFormatError(logUnexpected: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Refusals at the edge (validation rules, plugins) wrap a DomainException.
    const original =
      unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainException
        ? unwrapped.originalError
        : unwrapped;
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainException) {
      return {
        ...base,
        message: original.message,
        extensions: {
          code: original.code,
          category: errorCategoryOf(original.code),
          ...(original.details ? { details: original.details } : {}),
        },
      };
    }
    if (original instanceof HttpException) {
      const status = original.getStatus();
      const code = HTTP_TO_CODE[status] ?? ErrorCode.Internal;
      const body = original.getResponse();
      const message =
        typeof body === 'object' && body !== null && 'message' in body
          ? ([] as unknown[]).concat((body as { message: unknown }).message).map(String).join('; ')
          : original.message;
      if (code !== ErrorCode.Internal) return { ...base, message, extensions: { code, category: code } };
    }
    const code = formatted.extensions?.['code'];
    // graphql-js's parser token limit (GRAPHQL_MAX_TOKENS); graphql 16 writes "more that".
    if (code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message)) {
      return {
        ...base,
        message: `The request is too complex (tokens): ${formatted.message.replace(/^Syntax Error: /, '')}`,
        extensions: {
          code: ErrorCode.QueryTooComplex,
          category: errorCategoryOf(ErrorCode.QueryTooComplex),
          details: { limit: 'tokens' },
        },
      };
    }
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      return { ...base, message: formatted.message, extensions: { code, category: code } };
    }
    logUnexpected(original);
    return { ...base, message: 'Internal error', extensions: { code: ErrorCode.Internal, category: ErrorCode.Internal } };
  };
}
