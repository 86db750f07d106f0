import { describe, expect, it } from 'vitest';
import { maskValues, safeErrorSerializer } from './safe-error.js';

describe('safe error logging', () => {
  it('keeps the kind of failure and drops the statement, its parameters and quoted values', () => {
    const logged = safeErrorSerializer({
      type: 'QueryFailedError',
      message: 'invalid input syntax for type uuid: "secret-value"',
      stack: 'QueryFailedError: invalid input syntax for type uuid: "secret-value"\n    at x',
      query: 'SELECT * FROM app_user WHERE email = $1',
      parameters: ['secret-value'],
      driverError: { message: 'secret-value' },
      detail: 'Key (email)=(secret-value) already exists.',
      code: '22P02',
      table: 'app_user',
      constraint: 'app_user_email_key',
    });
    expect(JSON.stringify(logged)).not.toContain('secret-value');
    expect(logged).toEqual({
      type: 'QueryFailedError',
      code: '22P02',
      table: 'app_user',
      constraint: 'app_user_email_key',
      message: 'invalid input syntax for type uuid: "…"',
      stack: 'QueryFailedError: invalid input syntax for type uuid: "…"\n    at x',
    });
  });

  it('masks single-quoted values and key details too', () => {
    expect(maskValues("parameter $1 = 'x@y.org'; Key (email)=(x@y.org)")).toBe(
      "parameter $1 = '…'; Key (email)=(…)",
    );
  });
});
