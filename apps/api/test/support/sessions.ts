import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '../../src/modules/auth/session-token.js';
import { SessionService } from '../../src/modules/auth/session.service.js';
import type { TestApp } from './test-app.js';

/**
 * A signed-in session for a seeded user without going through sign-in (for
 * tests of what a member may do, not of how one signs in): the real session
 * service makes it, the cookie it would set is returned as request headers.
 */
export async function sessionHeaders(t: TestApp, userId: string): Promise<Record<string, string>> {
  let token = '';
  const res = {
    cookie: (name: string, value: string) => {
      if (name === SESSION_COOKIE) token = value;
    },
  } as unknown as Response;
  await t.app
    .get(DataSource)
    .transaction((m) => t.app.get(SessionService).open(m, userId, 'test', res));
  return { cookie: `${SESSION_COOKIE}=${token}` };
}
