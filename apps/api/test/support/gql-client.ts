import { HubSession, type GraphQLResult } from '@parallax/hub-client';

export type GqlResult<T = Record<string, unknown>> = GraphQLResult<T>;

/** One simulated person: the real client session (cookie jar, CSRF header), errors returned rather than thrown. */
export class GqlClient {
  private readonly session: HubSession;

  constructor(baseUrl: string) {
    this.session = new HubSession(baseUrl);
  }

  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>> {
    return this.session.send<T>(query, variables);
  }

  /** Like request, but throws on GraphQL errors. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  get cookieHeader(): string | undefined {
    return this.session.cookieHeader;
  }
}
