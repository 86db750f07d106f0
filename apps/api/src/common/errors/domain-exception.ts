import { ErrorCode } from '@parallax/domain';

/**
 * Base of every module's exception. Each module subclasses it once (e.g.
 * `UsersException`); the GraphQL layer maps the code to the response in one
 * place (graphql/format-error.ts). The message is safe to show to the caller.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
