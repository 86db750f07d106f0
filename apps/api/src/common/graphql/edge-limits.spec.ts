import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainException } from '../errors/domain-exception.js';
import {
  buildSchema,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DefinitionNode,
  type DocumentNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { badText, edgeLimits } from './edge-limits.js';

const config = loadConfig({});
const { validationRules } = edgeLimits(config);

const schema = buildSchema(`
  type Node { name: String, child: Node, items(first: Int): [Node] }
  type Query { node: Node, hello(to: String): String }
  type Mutation { evaluateOprf(blindedElements: [String!]!): [String!]! }
`);

function refusal(query: string): { code: string; details?: Record<string, string> } | null {
  const errors = validate(schema, parse(query), validationRules);
  const original = errors[0]?.originalError;
  return original instanceof DomainException ? { code: original.code, details: original.details } : errors[0] ? { code: 'OTHER' } : null;
}

describe('edge limits (unit)', () => {
  it('passes an ordinary query', () => {
    expect(refusal('{ node { name child { name } } }')).toBeNull();
  });

  it('refuses depth beyond GRAPHQL_MAX_DEPTH', () => {
    const deep = `{ ${'node { '.repeat(1)}${'child { '.repeat(config.GRAPHQL_MAX_DEPTH + 1)}name${' }'.repeat(config.GRAPHQL_MAX_DEPTH + 2)} }`;
    expect(refusal(deep)).toEqual({ code: 'QUERY_TOO_COMPLEX', details: { limit: 'depth' } });
  });

  it('refuses a cost beyond GRAPHQL_MAX_COST', () => {
    // Branching twice per level: shallow (depth 9), few tokens, but thousands of resolver calls.
    const level = (d: number): string => (d === 0 ? 'name' : `name child { ${level(d - 1)} } items { ${level(d - 1)} }`);
    expect(refusal(`{ node { ${level(5)} } }`)).toBeNull();
    expect(refusal(`{ node { ${level(7)} } }`)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', details: { limit: 'cost' } });
  });

  it('refuses too many aliases and too many directives', () => {
    const aliases = Array.from({ length: config.GRAPHQL_MAX_ALIASES + 1 }, (_, i) => `a${i}: hello`).join(' ');
    expect(refusal(`{ ${aliases} }`)).toEqual({ code: 'QUERY_TOO_COMPLEX', details: { limit: 'aliases' } });
    const directives = '@include(if: true) '.repeat(config.GRAPHQL_MAX_DIRECTIVES + 1);
    expect(refusal(`{ hello ${directives} }`)).toEqual({ code: 'QUERY_TOO_COMPLEX', details: { limit: 'directives' } });
  });

  it('allows one evaluateOprf per operation, whatever the spelling', () => {
    expect(refusal('mutation { evaluateOprf(blindedElements: ["a"]) }')).toBeNull();
    expect(refusal('mutation { a: evaluateOprf(blindedElements: ["a"]) b: evaluateOprf(blindedElements: ["a"]) }')?.code).toBe('ONE_OPRF_PER_REQUEST');
    expect(refusal('mutation { evaluateOprf(blindedElements: ["a"]) evaluateOprf(blindedElements: ["a"]) }')?.code).toBe('ONE_OPRF_PER_REQUEST');
    expect(refusal('mutation { ...F ... on Mutation { x: evaluateOprf(blindedElements: ["b"]) } } fragment F on Mutation { evaluateOprf(blindedElements: ["a"]) }')?.code).toBe('ONE_OPRF_PER_REQUEST');
  });

  it('stops the parser at GRAPHQL_MAX_TOKENS', () => {
    const { parseOptions } = edgeLimits(config);
    const big = `{ ${'hello '.repeat(config.GRAPHQL_MAX_TOKENS)} }`;
    expect(() => parse(big, parseOptions)).toThrow(GraphQLError);
    expect(() => parse(big, parseOptions)).toThrow(/more tha[nt] \d+ tokens/);
  });

  it('finds NUL characters and over-long strings at any depth of the variables', () => {
    expect(badText({ a: ['x', { b: 'ok' }] }, 10)).toBeNull();
    expect(badText({ a: ['x', { b: 'o\u0000k' }] }, 10)).toEqual({ path: 'variables.a[1].b', reason: 'nul' });
    expect(badText({ a: 'x'.repeat(11) }, 10)).toEqual({ path: 'variables.a', reason: 'length' });
  });
});

/** Every operation the clients send (web, CLI, hub-client) stays within the default limits. */
describe('the clients’ own operations', () => {
  const root = fileURLToPath(new URL('../../../../../', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === 'node_modules' || name === 'dist') return [];
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.graphql') ? [path] : [];
    });
  const documents = ['apps/web/src', 'apps/cli/src', 'libs/hub-client/src'].flatMap((d) => files(join(root, d)));
  const real = buildSchema(readFileSync(join(root, 'apps/api/schema.gql'), 'utf8'));
  const fragments: DefinitionNode[] = documents.flatMap((f) =>
    parse(readFileSync(f, 'utf8')).definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
  );

  it('finds the client documents', () => {
    expect(documents.length).toBeGreaterThan(5);
  });

  it.each(documents.map((f) => [f.slice(root.length)]))('%s', (file) => {
    const own = parse(readFileSync(join(root, file), 'utf8'), edgeLimits(config).parseOptions);
    const ownNames = new Set(own.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
    const doc: DocumentNode = {
      ...own,
      definitions: [
        ...own.definitions,
        ...fragments.filter((f) => f.kind === Kind.FRAGMENT_DEFINITION && !ownNames.has(f.name.value)),
      ],
    };
    const errors = validate(real, doc, validationRules);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
