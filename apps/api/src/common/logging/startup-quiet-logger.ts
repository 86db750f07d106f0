import type { LoggerService } from '@nestjs/common';

/**
 * Nest's own bookkeeping (each module initialised, each route mapped) is ~30
 * lines at every start that bury what an operator must read: the address and,
 * in a demo, the logins. It goes to `debug`; everything else is unchanged.
 */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'GraphQLModule',
  'NestApplication',
]);

function contextOf(optionalParams: unknown[]): unknown {
  return optionalParams.at(-1);
}

export class StartupQuietLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = contextOf(optionalParams);
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) {
      this.inner.debug?.(message, ...optionalParams);
      return;
    }
    this.inner.log(message, ...optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.error(message, ...optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.warn(message, ...optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.debug?.(message, ...optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.verbose?.(message, ...optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.fatal?.(message, ...optionalParams);
  }
}
