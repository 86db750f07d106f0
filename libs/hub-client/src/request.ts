import { errorCategoryOf, isErrorCode } from '@parallax/domain';

/**
 * How the hub client talks to the hub: one GraphQL request, resolving to
 * `data` or rejecting with a HubError carrying the stable error code. The web
 * passes its urql client, the CLI a fetch with its session cookie.
 */
export type HubRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** The code of a request that got no answer (the connection failed). */
export const NETWORK = 'NETWORK';

/**
 * A failed hub call: the hub's specific code (`BUDGET_EXHAUSTED`,
 * `STALE_EPOCH`…) and its generic category (`RATE_LIMITED`, `CONFLICT`…).
 * Callers branch on the category, so a hub that still sends only the
 * category (older versions) and one that sends the specific code are
 * handled alike. Codes of the client itself (`NETWORK`, `ABORTED`…) are
 * their own category.
 */
export class HubError extends Error {
  readonly category: string;

  constructor(
    readonly code: string,
    message: string,
    category?: string,
  ) {
    super(message);
    this.name = 'HubError';
    this.category = category ?? (isErrorCode(code) ? errorCategoryOf(code) : code);
  }
}

/** One GraphQL error as the hub sends it. */
export interface GraphQLErrorBody {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly category?: string } | undefined;
}

/** The HubError of a GraphQL error: `extensions.code`, and `extensions.category` when sent. */
export function hubErrorFromGraphQL(error: GraphQLErrorBody): HubError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL';
  const category =
    typeof error.extensions?.category === 'string' ? error.extensions.category : undefined;
  return new HubError(code, error.message, category);
}

/** The category of whatever a hub call threw (`INTERNAL` when it is not a HubError). */
export function hubErrorCategory(error: unknown): string {
  return error instanceof HubError ? error.category : 'INTERNAL';
}

/** The hub refused for a budget (OPRF evaluations today): `RATE_LIMITED`, e.g. `BUDGET_EXHAUSTED`. */
export function isRateLimited(error: unknown): boolean {
  return hubErrorCategory(error) === 'RATE_LIMITED';
}

/** The request got no answer: a dropped connection, not a refusal of the hub. */
export function isNetworkFailure(error: unknown): boolean {
  return !(error instanceof HubError) || error.category === NETWORK;
}

/** Tries of one request when the connection fails. */
export const NETWORK_ATTEMPTS = 4;

/**
 * The request, retried (with back-off) when the connection fails: for calls
 * that are safe to repeat — registration is idempotent, an evaluation asked
 * twice only costs budget. Answers of the hub itself are not retried.
 */
export function withNetworkRetry(
  request: HubRequest,
  options: { readonly signal?: AbortSignal | undefined; readonly baseDelayMs?: number } = {},
): HubRequest {
  const delay = options.baseDelayMs ?? 250;
  return async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request<T>(query, variables);
      } catch (error) {
        if (!isNetworkFailure(error) || attempt >= NETWORK_ATTEMPTS || options.signal?.aborted)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, delay * 2 ** (attempt - 1)));
      }
    }
  };
}
