import { deriveCredentials, openPrivateKey, type KdfParams } from '@parallax/identity';
import { fromBase64, toBase64 } from './base64.js';
import { HubError, type HubRequest } from './request.js';

export interface SignedIn {
  userId: string;
  organisationId: string | null;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/**
 * A session with the hub outside a browser (CLI, scripts, tests): keeps the
 * session cookie itself and sends the CSRF header the hub requires.
 */
export class HubSession {
  private cookie: string | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  readonly request: HubRequest = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await this.fetchImpl(`${this.baseUrl.replace(/\/$/, '')}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-parallax-csrf': '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new HubError('NETWORK', `The hub answered ${res.status} without GraphQL`);
    }
    const error = body.errors?.[0];
    if (error) throw new HubError(error.extensions?.code ?? 'INTERNAL', error.message);
    if (body.data === undefined) throw new HubError('INTERNAL', 'Empty answer from the hub');
    return body.data;
  };

  /** Signs in like the web client does, and unlocks the user's private key locally. */
  async login(email: string, password: string, totpCode: string): Promise<SignedIn> {
    const { loginParameters: p } = await this.request<{ loginParameters: { salt: string } & KdfParams }>(
      'query LoginParameters($e: String!) { loginParameters(email: $e) { salt algorithm memoryKiB iterations parallelism } }',
      { e: email },
    );
    const params: KdfParams = { algorithm: 'argon2id', memoryKiB: p.memoryKiB, iterations: p.iterations, parallelism: p.parallelism };
    const { loginKey, encryptionKey } = await deriveCredentials(password, fromBase64(p.salt), params);
    const { login } = await this.request<{
      login: { user: { id: string; organisationId: string | null }; publicKey: string; encryptedPrivateKey: string };
    }>('mutation Login($i: LoginInput!) { login(input: $i) { user { id organisationId } publicKey encryptedPrivateKey } }', {
      i: { email, loginKey: toBase64(loginKey), totpCode },
    });
    return {
      userId: login.user.id,
      organisationId: login.user.organisationId,
      publicKey: fromBase64(login.publicKey),
      privateKey: openPrivateKey(fromBase64(login.encryptedPrivateKey), encryptionKey),
    };
  }
}
