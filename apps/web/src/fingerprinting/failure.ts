import { HubError } from '@parallax/hub-client';
import type { WorkerFailure } from './protocol';

/** A thrown error as it crosses the worker boundary: its stable code and message. */
export function toFailure(error: unknown): WorkerFailure {
  const code =
    error instanceof HubError
      ? error.code
      : error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
        ? error.code
        : 'INTERNAL';
  return { code, message: error instanceof Error ? error.message : 'failed' };
}
