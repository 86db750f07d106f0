import { decodeCursor, encodeCursor, type CursorScope } from './cursor.js';
import type { Page } from './page.model.js';

/**
 * Builds a page from `first + 1` rows read in the list's order after the
 * cursor: the extra row only says whether a next page exists.
 */
export function toPage<Row, T>(
  rows: readonly Row[],
  first: number,
  totalCount: number,
  scope: CursorScope,
  keyOf: (row: Row) => readonly string[],
  map: (row: Row) => T,
): Page<T> {
  const shown = rows.slice(0, first);
  const last = shown.at(-1);
  return {
    nodes: shown.map(map),
    totalCount,
    pageInfo: {
      endCursor: last === undefined ? null : encodeCursor(scope, keyOf(last)),
      hasNextPage: rows.length > first,
    },
  };
}

/** The sort key after which to read, or null for the first page. */
export function afterKey(after: string | null | undefined, scope: CursorScope, arity: number): string[] | null {
  return after ? decodeCursor(after, scope, arity) : null;
}
