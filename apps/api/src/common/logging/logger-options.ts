import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/config.schema.js';
import { prettyStream, usePrettyLogs } from './log-format.js';
import { maskValues, safeErrorSerializer } from './safe-error.js';

/**
 * A request's line is detail (debug): at `info` a terminal shows what the hub
 * does, not every poll. Server faults stay errors.
 */
export function requestLogLevel(
  _req: IncomingMessage,
  res: ServerResponse,
  err?: Error,
): 'error' | 'debug' {
  return err || res.statusCode >= 500 ? 'error' : 'debug';
}

/**
 * Structured logs (JSON lines, or readable lines on a terminal). Requests are
 * logged by method, path and status only:
 * never bodies (they carry fingerprints and credentials), never query strings,
 * never cookies or authorisation headers.
 */
export function loggerOptions(config: AppConfig, isTty = Boolean(process.stdout.isTTY)): Params {
  const options = {
    level: config.LOG_LEVEL,
    customLogLevel: requestLogLevel,
    autoLogging: {
      ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health'),
    },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      // Never a statement's parameters nor a quoted value (see safe-error.ts).
      err: safeErrorSerializer,
    },
    hooks: {
      // pino would use a logged error's raw message as the line's `msg`.
      logMethod(args: unknown[], method: (...a: unknown[]) => void) {
        const [first] = args;
        const err =
          first && typeof first === 'object' ? (first as { err?: unknown }).err : undefined;
        if (args.length === 1 && err instanceof Error) {
          return method.apply(this, [first, maskValues(err.message)]);
        }
        return method.apply(this, args);
      },
    },
    redact: {
      paths: ['req.headers', 'req.body', 'req.query', 'res.headers'],
      remove: true,
    },
  };
  return {
    pinoHttp: usePrettyLogs(config.LOG_FORMAT, isTty) ? [options, prettyStream(isTty)] : options,
  };
}
