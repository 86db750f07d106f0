import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';
import { toPage } from './keyset.js';

const scope = { list: 'cases', filters: { search: 'AB' } };

describe('keyset cursors', () => {
  it('round-trips the sort key of its own list and filters', () => {
    const c = encodeCursor(scope, ['2026-01-01T00:00:00.000Z', 'id-1']);
    expect(decodeCursor(c, scope, 2)).toEqual(['2026-01-01T00:00:00.000Z', 'id-1']);
  });

  it.each([
    ['another list', { list: 'overlaps', filters: { search: 'AB' } }, 2],
    ['other filters', { list: 'cases', filters: { search: 'CD' } }, 2],
    ['another key length', scope, 3],
  ])('refuses a cursor of %s with INVALID_CURSOR', (_label, other, arity) => {
    const c = encodeCursor(scope, ['a', 'b']);
    expect(() => decodeCursor(c, other, arity)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it.each(['', 'not base64!', 'e30', Buffer.from('[1,2]').toString('base64url'), 'x'.repeat(2000)])(
    'refuses garbage %#',
    (c) => {
      expect(() => decodeCursor(c, scope, 2)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
    },
  );

  it('says there is a next page only when the extra row came back', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];
    const full = toPage(rows, 2, 10, scope, (r) => [r.k], (r) => r.k);
    expect(full.nodes).toEqual(['a', 'b']);
    expect(full.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(full.pageInfo.endCursor ?? '', scope, 1)).toEqual(['b']);
    const last = toPage(rows.slice(0, 2), 2, 2, scope, (r) => [r.k], (r) => r.k);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(toPage([], 2, 0, scope, (r: { k: string }) => [r.k], (r) => r).pageInfo.endCursor).toBeNull();
  });
});
