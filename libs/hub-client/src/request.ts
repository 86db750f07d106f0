/**
 * How the hub client talks to the hub: one GraphQL request, resolving to
 * `data` or rejecting with a HubError carrying the stable error code. The web
 * passes its urql client, the CLI a fetch with its session cookie.
 */
export type HubRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}
