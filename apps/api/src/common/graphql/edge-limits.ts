import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ErrorCode } from '@parallax/domain';
import {
  GraphQLError,
  Kind,
  visit,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { AppConfig } from '../../config/config.schema.js';
import { DomainException } from '../errors/domain-exception.js';

/** Apollo plugins as Nest's driver types them (Apollo ships CommonJS and ESM typings). */
type Plugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** The one field that turns guesses into fingerprints: at most one per request. */
export const OPRF_FIELD = 'evaluateOprf';

export type EdgeLimit = 'aliases' | 'tokens' | 'depth' | 'directives' | 'cost';

/**
 * A GraphQL error refused at the edge, before any resolver: it carries the
 * DomainException that graphql/format-error.ts turns into a stable code,
 * and HTTP 400.
 */
export function edgeError(code: ErrorCode, message: string, details?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, {
    originalError: new DomainException(code, message, details),
    extensions: { http: { status: 400 } },
  });
}

function tooComplex(limit: EdgeLimit, message: string): GraphQLError {
  return edgeError(ErrorCode.QueryTooComplex, `The request is too complex (${limit}): ${message}`, { limit });
}

/** Counts `evaluateOprf` selections in each operation, through aliases, repetitions and fragments. */
export function oneOprfPerRequest(context: ValidationContext): ASTVisitor {
  const count = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    let n = 0;
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) n += ((s as FieldNode).name.value === OPRF_FIELD ? 1 : 0) + count(s.selectionSet, seen);
      else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(s.name.value);
        n += count(fragment?.selectionSet, seen);
      }
    }
    return n;
  };
  return {
    // Per operation: a request executes one operation of its document.
    OperationDefinition(node) {
      const total = count(node.selectionSet, new Set());
      if (total > 1) {
        context.reportError(
          edgeError(
            ErrorCode.OneOprfPerRequest,
            `Ask for one ${OPRF_FIELD} per request (found ${total}); send a larger batch instead`,
          ),
        );
      }
    },
  };
}

const reporter = (limit: EdgeLimit) => [
  (ctx: ValidationContext | null, error: GraphQLError) =>
    ctx?.reportError(tooComplex(limit, error.message.replace(/^Syntax Error: /, ''))),
];

/**
 * GraphQL Armor's limits on aliases, depth, directives and cost as
 * validation rules that report our own codes, plus graphql-js's token
 * limit for the parser (the same check Armor's token plugin makes, but
 * Armor's Apollo plugin throws from a hook Apollo treats as a crash).
 */
export function edgeLimits(config: AppConfig): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: Plugin[];
} {
  const quiet = { propagateOnRejection: false, exposeLimits: true };
  const armor = new ApolloArmor({
    // Apollo Server 5 already gives no suggestions for unknown fields.
    blockFieldSuggestion: { enabled: true },
    maxTokens: { enabled: false },
    maxAliases: { ...quiet, n: config.GRAPHQL_MAX_ALIASES, onReject: reporter('aliases') },
    maxDepth: { ...quiet, n: config.GRAPHQL_MAX_DEPTH, onReject: reporter('depth') },
    maxDirectives: { ...quiet, n: config.GRAPHQL_MAX_DIRECTIVES, onReject: reporter('directives') },
    costLimit: { ...quiet, maxCost: config.GRAPHQL_MAX_COST, onReject: reporter('cost') },
  }).protect();
  return {
    validationRules: [...armor.validationRules, oneOprfPerRequest],
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    plugins: [...armor.plugins, textLimits(config.GRAPHQL_MAX_STRING_LENGTH)],
  };
}

/** The first NUL or over-long string in a variables value, as a path, or null. */
export function badText(value: unknown, maxLength: number, path = 'variables'): { path: string; reason: 'nul' | 'length' } | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, reason: 'nul' };
    if (value.length > maxLength) return { path, reason: 'length' };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badText(value[i], maxLength, `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = badText(v, maxLength, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

/**
 * Refuses, before any resolver runs, a NUL character (PostgreSQL cannot
 * store it, and the failed statement used to carry the value into the
 * logs) or a string longer than any field accepts, in the variables or in
 * the document's literals.
 */
export function textLimits(maxLength: number): Plugin {
  const refuse = (found: { path: string; reason: 'nul' | 'length' }) =>
    edgeError(
      ErrorCode.InvalidText,
      found.reason === 'nul'
        ? `Text may not contain a NUL character (${found.path})`
        : `Text is longer than ${maxLength} characters (${found.path})`,
      { path: found.path, reason: found.reason },
    );
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const inVariables = badText(request.variables ?? {}, maxLength);
          if (inVariables) throw refuse(inVariables);
          let inDocument: { path: string; reason: 'nul' | 'length' } | null = null;
          visit(document, {
            StringValue(node) {
              inDocument ??= badText(node.value, maxLength, 'query');
            },
          });
          if (inDocument) throw refuse(inDocument);
        },
      };
    },
  };
}
