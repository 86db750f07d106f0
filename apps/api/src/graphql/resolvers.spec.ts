import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_KEY } from '../common/authorization/public.decorator.js';
import { RESOLVERS } from './resolvers.js';

const OPERATION_KINDS = new Set(['Query', 'Mutation', 'Subscription']);

function operations(): Array<{ resolver: string; method: string; handler: object }> {
  const out: Array<{ resolver: string; method: string; handler: object }> = [];
  for (const resolver of RESOLVERS) {
    const proto = resolver.prototype as unknown as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const handler = proto[method];
      if (typeof handler !== 'function') continue;
      const kind: unknown = Reflect.getMetadata('graphql:resolver_type', handler);
      if (typeof kind === 'string' && OPERATION_KINDS.has(kind)) {
        out.push({ resolver: resolver.name, method, handler });
      }
    }
  }
  return out;
}

describe('authorization declarations', () => {
  it('finds the operations (the check below is not vacuous)', () => {
    expect(operations().length).toBeGreaterThan(0);
  });

  it('every query, mutation and subscription declares its authorization', () => {
    const missing = operations()
      .filter((op) => Reflect.getMetadata(AUTHORIZATION_KEY, op.handler) === undefined)
      .map((op) => `${op.resolver}.${op.method}`);
    expect(missing).toEqual([]);
  });
});
