/** A minimal GraphQL client with its own cookie jar: one per simulated person. */
export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; extensions?: { code?: string } }> | undefined;
}

export class GqlClient {
  private cookie: string | undefined;

  constructor(private readonly baseUrl: string) {}

  get signedIn(): boolean {
    return this.cookie !== undefined;
  }

  async request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-parallax-csrf': '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const body = (await res.json()) as { data?: T | null; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  }

  /** Like request, but throws on GraphQL errors. */
  async ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const r = await this.request<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  /** The raw cookie header, for tests that tamper with it. */
  get cookieHeader(): string | undefined {
    return this.cookie;
  }
}
