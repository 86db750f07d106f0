import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/config.schema.js';

/**
 * Structured JSON logs. Requests are logged by method, path and status only:
 * never bodies (they carry fingerprints and credentials), never query strings,
 * never cookies or authorisation headers.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
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
      },
      redact: {
        paths: ['req.headers', 'req.body', 'req.query', 'res.headers'],
        remove: true,
      },
    },
  };
}
