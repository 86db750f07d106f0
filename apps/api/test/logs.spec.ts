import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startAppProcess, type AppProcess } from '@parallax/test-support';
import { pinoHttp } from 'pino-http';
import { afterAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../src/common/logging/logger-options.js';
import { loadConfig } from '../src/config/load-config.js';
import { makeFormatError } from '../src/graphql/format-error.js';
import { useTestDataSource } from './support/test-database.js';

/**
 * Issue 9, item 13: a database error logged its SQL parameters (a NUL byte
 * in a login field wrote the value to the log). A canary value goes in;
 * the logs must never show it.
 */
const CANARY = 'canary-7f3a9c1e';
const ds = useTestDataSource();

/** The hub's pino logger, exactly as configured (what nestjs-pino logs through), writing into a string. */
function capturedLogger(): { error: (e: unknown) => void; output: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  const params = loggerOptions(loadConfig({ LOG_LEVEL: 'info' }), false);
  const { logger } = pinoHttp(params.pinoHttp as never, stream);
  // nestjs-pino's Logger.error(err) for an Error: `{ context, err }` and no message.
  return { error: (e) => logger.error({ context: 'GraphQL', err: e }), output: () => out };
}

describe('logs', () => {
  it('never show a failed statement’s parameters nor the values PostgreSQL quotes', async () => {
    const errors: unknown[] = [];
    for (const [sql, params] of [
      ['SELECT $1::uuid', [CANARY]],
      ['SELECT $1::text', [`${CANARY}\u0000`]],
      ['SELECT $1::int', [CANARY]],
    ] as const) {
      errors.push(await ds.db.query(sql, [...params]).catch((e: unknown) => e));
    }
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    // The raw error does carry it: this is what used to be logged.
    expect(
      JSON.stringify(errors.map((e) => ({ ...(e as object), message: (e as Error).message }))),
    ).toContain(CANARY);
    const { error, output } = capturedLogger();
    // The path an unexpected resolver error takes (graphql/format-error.ts).
    const format = makeFormatError(error);
    for (const e of errors)
      expect(format({ message: 'x' }, e).extensions?.['code']).toBe('INTERNAL');
    await new Promise((r) => setTimeout(r, 50));
    const logged = output();
    expect(logged).toContain('QueryFailedError');
    expect(logged).toContain('22P02');
    expect(logged).not.toContain(CANARY);
  });
});

describe('logs of the running hub', () => {
  let app: AppProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'parallax-logs-'));
  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('do not carry a NUL-laden login field, and log a failed sign-in as a refusal without a stack', async () => {
    // debug: request lines included, so the canary check covers them too.
    app = await startAppProcess({ dataDir, env: { SERVE_WEB: 'false', LOG_LEVEL: 'debug' } });
    const send = (query: string, variables: Record<string, unknown>) =>
      fetch(`${app?.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json() as Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>);
    const params = await send('query($e: String!) { loginParameters(email: $e) { salt } }', {
      e: `${CANARY}\u0000@example.org`,
    });
    expect(params.errors?.[0]?.extensions?.code).toBe('INVALID_TEXT');
    const login = await send('mutation($i: LoginInput!) { login(input: $i) { user { id } } }', {
      i: {
        email: `${CANARY}@example.org`,
        loginKey: Buffer.alloc(32, 1).toString('base64'),
        totpCode: '123456',
      },
    });
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await new Promise((r) => setTimeout(r, 300));
    expect(app.output()).toContain('"statusCode"');
    expect(app.output()).not.toContain(CANARY);
    // Issue 10: a mistyped password is not an outage (it was level 50 with a stack).
    const lines = app
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) => JSON.parse(l) as { level: number; msg?: string; context?: string; err?: unknown },
      );
    const refusal = lines.find(
      (l) => l.context === 'Refused' && l.msg?.startsWith('UNAUTHENTICATED'),
    );
    expect(refusal?.level).toBe(30);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(app.output()).not.toContain('"stack"');
    // Nest's start-up bookkeeping is debug, not info.
    expect(lines.find((l) => l.context === 'InstanceLoader')?.level).toBe(20);
  }, 180_000);
});
