import 'reflect-metadata';
import {
  AUTHORIZATION_KEY,
  OPEN_TO_DONORS_KEY,
  type AuthorizationMetadata,
} from '../common/authorization/public.decorator.js';
import { RESOLVERS } from './resolvers.js';

const OPERATION_KINDS = new Set(['Query', 'Mutation', 'Subscription']);

/** A root operation as the resolvers declare it (the tests of authorization read these). */
export interface ResolverOperation {
  resolver: string;
  method: string;
  /** The name in the schema (a resolver may rename its method). */
  name: string;
  handler: object;
}

/** Every query, mutation and subscription of RESOLVERS, read from Nest's decorator metadata. */
export function resolverOperations(): ResolverOperation[] {
  const out: ResolverOperation[] = [];
  for (const resolver of RESOLVERS) {
    const proto = resolver.prototype as unknown as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const handler = proto[method];
      if (typeof handler !== 'function') continue;
      const kind: unknown = Reflect.getMetadata('graphql:resolver_type', handler);
      if (typeof kind === 'string' && OPERATION_KINDS.has(kind)) {
        const name = Reflect.getMetadata('graphql:resolver_name', handler) as string | undefined;
        out.push({ resolver: resolver.name, method, name: name ?? method, handler });
      }
    }
  }
  return out;
}

/** The operation's authorization declaration, if it has one. */
export function declaredAuthorization(op: ResolverOperation): AuthorizationMetadata | undefined {
  return Reflect.getMetadata(AUTHORIZATION_KEY, op.handler) as AuthorizationMetadata | undefined;
}

/** Whether the operation carries @OpenToDonors. */
export function markedOpenToDonors(op: ResolverOperation): boolean {
  return Reflect.getMetadata(OPEN_TO_DONORS_KEY, op.handler) === true;
}
