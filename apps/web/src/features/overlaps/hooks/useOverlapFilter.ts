import { OVERLAP_STRENGTHS } from '@parallax/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { OverlapStatus, OverlapStrength, OverlapVerdictFilter } from '../../../gql/graphql';

/** The reference search is sent once typing pauses this long. */
export const SEARCH_DEBOUNCE_MS = 300;
/** The API refuses longer searches (a reference has at most 80 characters). */
export const MAX_SEARCH = 80;

export const VERDICTS = ['none', 'confirmed', 'false_match'] as const;
export const STATUSES = ['open', 'contact_requested', 'revealed', 'retracted'] as const;

/** The filters as both overlap queries take them; null means "any". */
export interface OverlapFilterVariables extends Record<string, unknown> {
  strengths: OverlapStrength[] | null;
  verdicts: OverlapVerdictFilter[] | null;
  statuses: OverlapStatus[] | null;
  createdFrom: string | null;
  createdTo: string | null;
  search: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The values of a repeated URL parameter that belong to `vocabulary`, in its order; null when none. */
function setOf<T extends string>(vocabulary: readonly T[], values: readonly string[]): T[] | null {
  const picked = vocabulary.filter((v) => values.includes(v));
  return picked.length > 0 ? picked : null;
}

const dayOf = (value: string | null): string | null =>
  value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;

/**
 * The overlaps page's filters, kept in the URL (`strength`, `verdict` and
 * `status` repeated, `from`, `to` as YYYY-MM-DD, `q`) so a reload, the back
 * button or a shared link shows the same list. Unknown values are ignored.
 * The search box answers at once; the URL and the query follow after a pause.
 */
export function useOverlapFilter() {
  const [params, setParams] = useSearchParams();
  const urlSearch = params.get('q') ?? '';
  const [searchText, setSearchText] = useState(urlSearch);

  const update = useCallback(
    (patch: Record<string, string | readonly string[] | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            next.delete(key);
            for (const v of typeof value === 'string' ? [value] : (value ?? [])) {
              if (v) next.append(key, v);
            }
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  useEffect(() => {
    const trimmed = searchText.trim().slice(0, MAX_SEARCH);
    if (trimmed === urlSearch.trim()) return undefined;
    const timer = setTimeout(() => update({ q: trimmed || null }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText, urlSearch, update]);

  const key = params.toString();
  const variables = useMemo<OverlapFilterVariables>(() => {
    const p = new URLSearchParams(key);
    let createdFrom = dayOf(p.get('from'));
    let createdTo = dayOf(p.get('to'));
    // A reversed range is read the way it was surely meant.
    if (createdFrom && createdTo && createdFrom > createdTo)
      [createdFrom, createdTo] = [createdTo, createdFrom];
    return {
      strengths: setOf(OVERLAP_STRENGTHS, p.getAll('strength')) as OverlapStrength[] | null,
      verdicts: setOf(VERDICTS, p.getAll('verdict')) as OverlapVerdictFilter[] | null,
      statuses: setOf(STATUSES, p.getAll('status')) as OverlapStatus[] | null,
      createdFrom,
      createdTo,
      search: (p.get('q') ?? '').trim().slice(0, MAX_SEARCH) || null,
    };
  }, [key]);

  const clear = useCallback(() => {
    setSearchText('');
    update({ strength: null, verdict: null, status: null, from: null, to: null, q: null });
  }, [update]);

  const active = Object.values(variables).some((v) => v !== null);
  return { variables, searchText, setSearchText, update, clear, active };
}

export type OverlapFilterState = ReturnType<typeof useOverlapFilter>;
