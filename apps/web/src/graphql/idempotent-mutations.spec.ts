import { describe, expect, it } from 'vitest';
import { createGraphqlClient } from './client';
import { NetworkStatus } from './network-status';

const SAVE = 'mutation Save($name: String!) { renameThing(name: $name) }';
const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { stepUpValidUntil } }';
const KEY = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Reply = 'lost' | 'ok' | 'in-progress' | 'refused';

/** A server whose answers follow a script; records each request's Idempotency-Key. */
function setUp(script: Reply[]) {
  const connection = Object.assign(new EventTarget(), { navigator: { onLine: true } });
  const networkStatus = new NetworkStatus(connection);
  const keys: Array<string | null> = [];
  const pendingSeen: number[] = [];
  networkStatus.pending.subscribe(() =>
    pendingSeen.push(networkStatus.pending.getSnapshot().length),
  );
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetchFn: typeof fetch = (_input, init) => {
    keys.push(new Headers(init?.headers).get('idempotency-key'));
    const reply = script.shift() ?? 'ok';
    // 'lost': the server may have applied it, but the answer never arrives.
    if (reply === 'lost') return Promise.reject(new TypeError('Failed to fetch'));
    if (reply === 'ok') return Promise.resolve(json({ data: { renameThing: true } }));
    const code = reply === 'in-progress' ? 'IDEMPOTENCY_IN_PROGRESS' : 'NAME_TAKEN';
    return Promise.resolve(json({ data: null, errors: [{ message: code, extensions: { code } }] }));
  };
  const client = createGraphqlClient({ networkStatus, fetch: fetchFn, mutationRetryDelayMs: 1 });
  const setOnline = (online: boolean) => {
    connection.navigator.onLine = online;
    connection.dispatchEvent(new Event(online ? 'online' : 'offline'));
  };
  return { client, networkStatus, keys, pendingSeen, setOnline };
}

describe('mutations on a bad connection', () => {
  it('resends a mutation whose answer was lost, with the same key, and answers once', async () => {
    const { client, networkStatus, keys, pendingSeen } = setUp(['lost', 'lost', 'ok']);
    const result = await client
      .mutation(SAVE, { name: 'x' }, { idempotencyKey: KEY, actionLabel: 'error.retry' })
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ renameThing: true });
    expect(keys).toEqual([KEY, KEY, KEY]);
    // Listed as pending while it was being resent, gone once answered.
    expect(pendingSeen).toEqual([1, 0]);
    expect(networkStatus.pending.getSnapshot()).toEqual([]);
  });

  it('lists the pending action under its label while retrying', async () => {
    const { client, networkStatus, setOnline } = setUp(['lost', 'ok']);
    setOnline(false);
    const answer = client
      .mutation(SAVE, { name: 'x' }, { idempotencyKey: KEY, actionLabel: 'error.retry' })
      .toPromise();
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Offline: nothing is resent until the connection returns.
    expect(networkStatus.pending.getSnapshot()).toMatchObject([
      { key: KEY, labelId: 'error.retry' },
    ]);
    setOnline(true);
    expect((await answer).data).toEqual({ renameThing: true });
    expect(networkStatus.pending.getSnapshot()).toEqual([]);
  });

  it('gives every mutation a fresh UUID v4 key when the caller has none', async () => {
    const { client, keys } = setUp(['ok', 'ok']);
    await client.mutation(SAVE, { name: 'a' }).toPromise();
    await client.mutation(SAVE, { name: 'a' }).toPromise();
    expect(keys[0]).toMatch(UUID_V4);
    expect(keys[1]).toMatch(UUID_V4);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('waits while the first attempt is still being processed, then gets its answer', async () => {
    const { client, keys } = setUp(['in-progress', 'ok']);
    const result = await client.mutation(SAVE, { name: 'x' }, { idempotencyKey: KEY }).toPromise();
    expect(result.data).toEqual({ renameThing: true });
    expect(keys).toHaveLength(2);
  });

  it('does not resend a refused mutation: the error goes back to where the action started', async () => {
    const { client, keys, pendingSeen } = setUp(['refused']);
    const result = await client.mutation(SAVE, { name: 'x' }, { idempotencyKey: KEY }).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions['code']).toBe('NAME_TAKEN');
    expect(keys).toHaveLength(1);
    expect(pendingSeen).toEqual([]);
  });

  it('takes a change refused on its retry off the pending list and returns the refusal', async () => {
    const { client, keys, pendingSeen } = setUp(['lost', 'refused']);
    const result = await client.mutation(SAVE, { name: 'x' }, { idempotencyKey: KEY }).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions['code']).toBe('NAME_TAKEN');
    expect(keys).toEqual([KEY, KEY]);
    expect(pendingSeen).toEqual([1, 0]);
  });

  it('never resends the mutations the API does not make idempotent (sign-in)', async () => {
    const { client, keys } = setUp(['lost', 'ok']);
    const result = await client
      .mutation(LOGIN, { input: { email: 'a@b.c', loginKey: 'x', totpCode: '123456' } })
      .toPromise();
    expect(result.error?.networkError).toBeDefined();
    expect(keys).toHaveLength(1);
  });
});
