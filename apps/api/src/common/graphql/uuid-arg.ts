import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';

/** An ID argument that must be a UUID: anything else is BAD_USER_INPUT, never a database error. */
export function UuidArg(name: string, opts: { nullable?: boolean } = {}) {
  return Args(name, { type: () => ID, nullable: opts.nullable ?? false }, new ParseUUIDPipe({ optional: opts.nullable ?? false }));
}
