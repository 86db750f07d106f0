import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import {
  deriveCredentials,
  openPrivateKey,
  openSigningKey,
  type KdfParams,
} from '@parallax/identity';
import { fromBase64, toBase64 } from './base64.js';
import { LoginDocument, LoginParametersDocument, LogoutDocument } from './gql/graphql.js';
import { send } from './operation.js';
import { registerSigningKey } from './signing-key.js';
import {
  HubError,
  hubErrorFromGraphQL,
  type GraphQLErrorBody,
  type HubRequest,
} from './request.js';

export interface GraphQLResult<T> {
  status: number;
  data?: T | null | undefined;
  errors?: GraphQLErrorBody[] | undefined;
}

export interface SignedIn {
  userId: string;
  organisationId: string | null;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  signingPublicKey: Uint8Array;
  signingPrivateKey: Uint8Array;
}

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A session with the hub outside a browser (CLI, scripts, tests): keeps the
 * session cookie itself and sends the CSRF header the hub requires.
 */
export class HubSession {
  private cookie: string | undefined;

  /** The session cookie as sent, for callers that inspect or replay it. */
  get cookieHeader(): string | undefined {
    return this.cookie;
  }

  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** One GraphQL round trip, errors included in the result rather than thrown. */
  async send<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
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
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      // An emptied cookie (logout) ends the session here too.
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    try {
      const body = (await res.json()) as Omit<GraphQLResult<T>, 'status'>;
      return { status: res.status, data: body.data, errors: body.errors };
    } catch {
      throw new HubError('NETWORK', `The hub answered ${res.status} without GraphQL`);
    }
  }

  readonly request: HubRequest = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> => {
    const body = await this.send<T>(query, variables);
    const error = body.errors?.[0];
    if (error) throw hubErrorFromGraphQL(error);
    if (body.data === undefined || body.data === null)
      throw new HubError('INTERNAL', 'Empty answer from the hub');
    return body.data;
  };

  /** Ends the session on the hub (best effort: the cookie is dropped either way). */
  async logout(): Promise<void> {
    await send(this.request, LogoutDocument, {}).catch(() => undefined);
    this.cookie = undefined;
  }

  /**
   * Signs in like the web client does, and unlocks the user's private keys
   * locally (giving an older account its signing key). The KDF parameters
   * come from the hub, so deriveCredentials refuses any below the floor.
   */
  async login(email: string, password: string, totpCode: string): Promise<SignedIn> {
    const { loginParameters: p } = await send(this.request, LoginParametersDocument, { e: email });
    const params: KdfParams = {
      algorithm: 'argon2id',
      memoryKiB: p.memoryKiB,
      iterations: p.iterations,
      parallelism: p.parallelism,
    };
    const { loginKey, encryptionKey } = await deriveCredentials(
      password,
      fromBase64(p.salt),
      params,
    );
    try {
      const { login } = await send(this.request, LoginDocument, {
        i: { email, loginKey: toBase64(loginKey), totpCode },
      });
      const privateKey = openPrivateKey(fromBase64(login.encryptedPrivateKey), encryptionKey);
      const signingPrivateKey = login.encryptedSigningKey
        ? openSigningKey(fromBase64(login.encryptedSigningKey), encryptionKey)
        : await registerSigningKey(this.request, encryptionKey);
      // Public keys are derived from the private ones: the hub's copies are only checked.
      const publicKey = x25519.getPublicKey(privateKey);
      const signingPublicKey = ed25519.getPublicKey(signingPrivateKey);
      if (
        !same(publicKey, fromBase64(login.publicKey)) ||
        (login.signingPublicKey !== null &&
          !same(signingPublicKey, fromBase64(login.signingPublicKey)))
      )
        throw new HubError(
          'INTERNAL',
          'The hub lists public keys that do not match your private keys',
        );
      return {
        userId: login.user.id,
        organisationId: login.user.organisationId,
        publicKey,
        privateKey,
        signingPublicKey,
        signingPrivateKey,
      };
    } finally {
      encryptionKey.fill(0);
    }
  }
}
