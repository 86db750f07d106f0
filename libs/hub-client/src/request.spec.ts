import { describe, expect, it } from 'vitest';
import {
  HubError,
  hubErrorFromGraphQL,
  isNetworkFailure,
  isRateLimited,
  withNetworkRetry,
  type HubRequest,
} from './request.js';

describe('HubError', () => {
  it('carries the specific code and its category, from the hub or from the code', () => {
    const sent = hubErrorFromGraphQL({
      message: 'used up',
      extensions: { code: 'BUDGET_EXHAUSTED', category: 'RATE_LIMITED' },
    });
    expect([sent.code, sent.category]).toEqual(['BUDGET_EXHAUSTED', 'RATE_LIMITED']);
    expect(new HubError('STALE_EPOCH', 'x').category).toBe('CONFLICT');
    // an older hub sends the category as the code
    expect(new HubError('RATE_LIMITED', 'x').category).toBe('RATE_LIMITED');
    expect(hubErrorFromGraphQL({ message: 'x' })).toMatchObject({
      code: 'INTERNAL',
      category: 'INTERNAL',
    });
    expect(new HubError('NETWORK', 'x').category).toBe('NETWORK');
    expect(isRateLimited(new HubError('BUDGET_EXHAUSTED', 'x'))).toBe(true);
    expect(isRateLimited(new HubError('CONFLICT', 'x'))).toBe(false);
    expect(isNetworkFailure(new TypeError('fetch failed'))).toBe(true);
    expect(isNetworkFailure(new HubError('FORBIDDEN', 'x'))).toBe(false);
  });
});

describe('withNetworkRetry', () => {
  it('retries a dropped connection, never an answer of the hub', async () => {
    let calls = 0;
    const flaky = (async () => {
      calls++;
      if (calls < 3) throw new HubError('NETWORK', 'dropped');
      return { ok: true };
    }) as HubRequest;
    expect(await withNetworkRetry(flaky, { baseDelayMs: 1 })('query Q { q }')).toEqual({
      ok: true,
    });
    expect(calls).toBe(3);

    calls = 0;
    const refusing = (async () => {
      calls++;
      throw new HubError('FORBIDDEN', 'no');
    }) as HubRequest;
    await expect(withNetworkRetry(refusing, { baseDelayMs: 1 })('query Q { q }')).rejects.toThrow(
      'no',
    );
    expect(calls).toBe(1);
  });
});
