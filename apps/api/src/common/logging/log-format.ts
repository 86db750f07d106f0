import type { DestinationStream } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * People starting the hub in a terminal read its log; log collectors parse
 * it. So `auto` means readable lines on a TTY and JSON lines otherwise.
 */
export function usePrettyLogs(format: LogFormat, isTty: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && isTty);
}

/**
 * Readable, synchronous output (no worker thread: the lines stay in order
 * with the startup messages written to stdout directly).
 */
export function prettyStream(
  colorize: boolean,
  destination?: NodeJS.WritableStream,
): DestinationStream {
  return pretty({
    sync: true,
    ...(destination ? { destination } : {}),
    colorize,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat:
      '{if context}[{context}] {end}{msg}{if req.method} {req.method} {req.path} {res.statusCode} {responseTime}ms{end}',
    singleLine: true,
  });
}
