import { HubError } from '@parallax/hub-client';
import type { WorkerFailure } from './protocol';

/** A thrown error as it crosses the worker boundary: its stable code, category and message. */
export function toFailure(error: unknown): WorkerFailure {
  const message = error instanceof Error ? error.message : 'failed';
  if (error instanceof HubError) return { code: error.code, category: error.category, message };
  const code =
    error && typeof error === 'object' && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'INTERNAL';
  return { code, category: new HubError(code, message).category, message };
}

/** The HubError a worker failure stands for, on the other side. */
export function fromFailure(failure: WorkerFailure): HubError {
  return new HubError(failure.code, failure.message, failure.category);
}
