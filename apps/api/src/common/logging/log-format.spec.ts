import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import type { LoggerService } from '@nestjs/common';
import { pinoHttp } from 'pino-http';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { DomainExceptionFilter } from '../errors/domain-exception.filter.js';
import { DomainException } from '../errors/domain-exception.js';
import { prettyStream, usePrettyLogs } from './log-format.js';
import { loggerOptions, requestLogLevel } from './logger-options.js';
import { StartupQuietLogger } from './startup-quiet-logger.js';

function spyLogger() {
  const fn = () => vi.fn<(message: unknown, ...rest: unknown[]) => void>();
  return { log: fn(), debug: fn(), error: fn(), warn: fn() } satisfies LoggerService;
}

describe('log format', () => {
  it('is readable on a terminal and JSON otherwise, unless asked', () => {
    expect(usePrettyLogs('auto', true)).toBe(true);
    expect(usePrettyLogs('auto', false)).toBe(false);
    expect(usePrettyLogs('json', true)).toBe(false);
    expect(usePrettyLogs('pretty', false)).toBe(true);
  });

  it('writes JSON lines by default off a terminal, one readable line with LOG_FORMAT=pretty', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        out += chunk.toString();
        done();
      },
    });
    const params = loggerOptions(loadConfig({}), false);
    expect(Array.isArray(params.pinoHttp)).toBe(false);
    pinoHttp(params.pinoHttp as never, sink).logger.info({ context: 'Demo' }, 'hello');
    expect(JSON.parse(out.trim())).toMatchObject({ level: 30, msg: 'hello', context: 'Demo' });

    const pretty = loggerOptions(loadConfig({ LOG_FORMAT: 'pretty' }), false).pinoHttp;
    expect(Array.isArray(pretty)).toBe(true);
    out = '';
    const [options] = pretty as unknown as [object];
    pinoHttp(options as never, prettyStream(false, sink)).logger.info({ context: 'Demo' }, 'hello');
    expect(out).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[Demo\] hello\n$/);
  });

  it('logs a request at debug unless the server failed', () => {
    const res = (statusCode: number) => ({ statusCode }) as ServerResponse;
    const req = {} as IncomingMessage;
    expect(requestLogLevel(req, res(200))).toBe('debug');
    expect(requestLogLevel(req, res(400))).toBe('debug');
    expect(requestLogLevel(req, res(503))).toBe('error');
    expect(requestLogLevel(req, res(200), new Error('x'))).toBe('error');
  });
});

describe('startup logging', () => {
  it("sends Nest's module and route bookkeeping to debug, keeps the rest", () => {
    const inner = spyLogger();
    const logger = new StartupQuietLogger(inner);
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/graphql, POST} route', 'GraphQLModule');
    logger.log('Matching queue started', 'JobsService');
    expect(inner.debug).toHaveBeenCalledTimes(2);
    expect(inner.log).toHaveBeenCalledOnce();
    expect(inner.log).toHaveBeenCalledWith('Matching queue started', 'JobsService');
  });
});

describe('expected refusals', () => {
  it('are logged without a stack, at info for a failed sign-in and debug for bad input, never at error', () => {
    const inner = spyLogger();
    const filter = new DomainExceptionFilter(inner);
    const signIn = new DomainException('UNAUTHENTICATED', 'Sign-in failed');
    expect(filter.catch(signIn, {} as never)).toBe(signIn);
    filter.catch(new DomainException('BAD_USER_INPUT', 'no'), {} as never);
    expect(inner.log).toHaveBeenCalledWith('UNAUTHENTICATED (DomainException)', 'Refused');
    expect(inner.debug).toHaveBeenCalledWith('BAD_USER_INPUT (DomainException)', 'Refused');
    expect(inner.error).not.toHaveBeenCalled();
    expect(JSON.stringify([inner.log.mock.calls, inner.debug.mock.calls])).not.toContain('at ');
  });
});
