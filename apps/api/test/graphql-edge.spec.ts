import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthService } from '../src/modules/auth/auth.service.js';
import { startTestApp, useTestApp } from './support/test-app.js';

/**
 * Limits at the edge (issue 9, items 6 and 13 and the Low list): refused
 * with a stable code before any resolver runs. The app runs as under a
 * plain `npm start` (NODE_ENV=development).
 */
const t = useTestApp({ NODE_ENV: 'development' });

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) =>
  r.body.errors?.[0]?.extensions?.code;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('request limits (GraphQL Armor and the parser)', () => {
  it('refuses 30,000 aliases of an unauthenticated field in a 1.6 MB request, before any resolver', async () => {
    const spy = vi.spyOn(t.app.get(AuthService), 'loginParameters');
    const query = `{ ${Array.from({ length: 30_000 }, (_, i) => `a${i}: loginParameters(email: "victim-${i}@example.org") { salt }`).join(' ')} }`;
    expect(query.length).toBeGreaterThan(1_600_000);
    const r = await t.graphql(query);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors).toHaveLength(1);
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses more aliases than allowed even in a short request, saying which limit', async () => {
    const spy = vi.spyOn(t.app.get(AuthService), 'loginParameters');
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: loginParameters(email: "x@example.org") { salt }`).join(' ')} }`;
    const r = await t.graphql(query);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.errors?.[0]).toMatchObject({ extensions: { category: 'BAD_USER_INPUT', details: { limit: 'aliases' } } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a body over the size limit with REQUEST_TOO_LARGE (413), not an HTML page', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(8_100_000) } }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('REQUEST_TOO_LARGE');
  });
});

describe('text at the edge', () => {
  it('refuses a NUL character in a variable with INVALID_TEXT, before the resolver (and the database) sees it', async () => {
    const spy = vi.spyOn(t.app.get(AuthService), 'loginParameters');
    const r = await t.graphql('query($e: String!) { loginParameters(email: $e) { salt } }', { e: 'canary\u0000@example.org' });
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('INVALID_TEXT');
    expect(r.body.errors?.[0]).toMatchObject({ extensions: { category: 'BAD_USER_INPUT', details: { path: 'variables.e', reason: 'nul' } } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a NUL character in a literal, and in a nested input, too', async () => {
    const literal = await t.graphql('{ loginParameters(email: "a\\u0000b@example.org") { salt } }');
    expect(codeOf(literal)).toBe('INVALID_TEXT');
    const nested = await t.graphql(
      'mutation($i: LoginInput!) { login(input: $i) { user { id } } }',
      { i: { email: 'someone@example.org', loginKey: Buffer.alloc(32).toString('base64'), totpCode: '12345\u0000' } },
    );
    expect(codeOf(nested)).toBe('INVALID_TEXT');
    expect(nested.body.errors?.[0]).toMatchObject({ extensions: { details: { path: 'variables.i.totpCode' } } });
  });

  it('refuses an over-long string anywhere', async () => {
    const r = await t.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: 'x'.repeat(90_001) });
    expect(codeOf(r)).toBe('INVALID_TEXT');
    expect(r.body.errors?.[0]).toMatchObject({ extensions: { details: { reason: 'length' } } });
  });

  it('caps loginParameters’ e-mail at 254 characters (a 7.9 MB e-mail was accepted)', async () => {
    const spy = vi.spyOn(t.app.get(AuthService), 'loginParameters');
    const r = await t.graphql('query($e: String!) { loginParameters(email: $e) { salt } }', { e: `${'a'.repeat(250)}@example.org` });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(spy).not.toHaveBeenCalled();
    const ok = await t.graphql('query($e: String!) { loginParameters(email: $e) { salt } }', { e: 'someone@example.org' });
    expect(ok.body.errors).toBeUndefined();
  });

  it('refuses a login key that does not decode to 32 bytes, as bad input rather than a failed sign-in', async () => {
    const spy = vi.spyOn(t.app.get(AuthService), 'login');
    for (const loginKey of ['', Buffer.alloc(16).toString('base64'), Buffer.alloc(31).toString('base64')]) {
      const r = await t.graphql('mutation($i: LoginInput!) { login(input: $i) { user { id } } }', {
        i: { email: 'someone@example.org', loginKey, totpCode: '123456' },
      });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
    }
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('introspection and HSTS', () => {
  it('keeps introspection off under a plain start, unless GRAPHQL_INTROSPECTION=true', async () => {
    const r = await t.graphql('{ __schema { queryType { name } } }');
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]?.message).toMatch(/introspection/i);
    const open = await startTestApp({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'true' });
    try {
      const ok = await open.graphql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
      expect(ok.body.data?.__schema.queryType.name).toBe('Query');
    } finally {
      await open.close();
    }
  });

  it('sends Strict-Transport-Security when the hub is reached over https, never on plain local http', async () => {
    const local = await fetch(`${t.url}/health/live`);
    expect(local.headers.get('strict-transport-security')).toBeNull();
    const behindTls = await startTestApp({ PUBLIC_URL: 'https://hub.example.org' });
    try {
      for (const path of ['/health/live', '/graphql']) {
        const res = await fetch(`${behindTls.url}${path}`, {
          method: path === '/graphql' ? 'POST' : 'GET',
          headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1' },
          ...(path === '/graphql' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
        });
        expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      }
    } finally {
      await behindTls.close();
    }
  });
});
