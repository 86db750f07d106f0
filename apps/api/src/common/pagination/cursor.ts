import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../errors/domain-exception.js';

class CursorException extends DomainException {}

/**
 * Opaque keyset cursors. A cursor carries the sort key of the last row a
 * page showed (e.g. `[createdAt, id]`) and the name of the list plus a digest
 * of its filters, so a cursor from another list or another filter is refused
 * (INVALID_CURSOR) instead of silently skipping or repeating rows. It holds
 * nothing the caller did not already receive in that page.
 */
export interface CursorScope {
  /** Which list, e.g. `overlaps` or `cases`. */
  list: string;
  /** The filters the page was read with, in a stable order (any JSON). */
  filters?: unknown;
}

interface CursorBody {
  l: string;
  f: string;
  k: string[];
}

function filterDigest(filters: unknown): string {
  // A short, stable text of the filters: equality is all that matters here.
  return JSON.stringify(filters ?? null);
}

export function encodeCursor(scope: CursorScope, key: readonly string[]): string {
  const body: CursorBody = { l: scope.list, f: filterDigest(scope.filters), k: [...key] };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The sort key in `cursor`, or INVALID_CURSOR when it is not a cursor of this list and filters. */
export function decodeCursor(cursor: string, scope: CursorScope, arity: number): string[] {
  const invalid = () =>
    new CursorException(ErrorCode.InvalidCursor, 'This cursor does not belong to this list: start from the first page', {
      field: 'after',
    });
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const b = body as Partial<CursorBody>;
  if (
    typeof b !== 'object' ||
    b === null ||
    b.l !== scope.list ||
    b.f !== filterDigest(scope.filters) ||
    !Array.isArray(b.k) ||
    b.k.length !== arity ||
    !b.k.every((v) => typeof v === 'string' && v.length <= 200)
  ) {
    throw invalid();
  }
  return b.k;
}
