import { Catch, type ArgumentsHost, type LoggerService } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { ErrorCategory, errorCategoryOf } from '@parallax/domain';
import { DomainException } from './domain-exception.js';

/** Refusals an operator may want to notice at `info` (still without a stack). */
const NOTABLE: ReadonlySet<ErrorCategory> = new Set([
  ErrorCategory.Unauthenticated,
  ErrorCategory.Forbidden,
  ErrorCategory.RateLimited,
]);

/**
 * A DomainException is an expected answer (a failed sign-in, a bad input, a
 * conflict), not a fault of the hub. Without this filter Nest's default
 * handler logs each one at `error` with its stack trace, so one mistyped
 * password looks like an outage. The exception still reaches the client
 * unchanged (graphql/format-error.ts maps it); only its log line changes:
 * code and exception type, never the request's values.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  constructor(private readonly logger: LoggerService) {}

  catch(exception: DomainException, _host: ArgumentsHost): DomainException {
    const line = `${exception.code} (${exception.name})`;
    if (NOTABLE.has(errorCategoryOf(exception.code))) this.logger.log(line, 'Refused');
    else this.logger.debug?.(line, 'Refused');
    return exception;
  }
}
