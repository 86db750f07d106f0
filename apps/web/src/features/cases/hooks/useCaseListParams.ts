import { CASE_STATUSES, type CaseStatus as DomainStatus } from '@parallax/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CaseState, CaseStatus } from '../../../gql/graphql';

/** The reference search is sent once typing pauses this long. */
export const SEARCH_DEBOUNCE_MS = 300;
/** The API refuses longer searches (a reference has at most 80 characters). */
export const MAX_SEARCH = 80;

export const CASE_STATES = ['current', 'needs_refingerprint', 'withdrawn', 'frozen'] as const;

export interface CaseListVariables extends Record<string, unknown> {
  workingGroupId: string | null;
  status: CaseStatus | null;
  state: CaseState | null;
  search: string | null;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

/**
 * The cases list's filters, kept in the URL (`q`, `group`, `status`,
 * `state`) so a filtered list can be bookmarked, shared and reloaded. The
 * search box answers at once; the URL and the query follow after a pause.
 */
export function useCaseListParams() {
  const [params, setParams] = useSearchParams();
  const urlSearch = params.get('q') ?? '';
  const [searchText, setSearchText] = useState(urlSearch);

  const update = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
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

  const group = params.get('group');
  const status = oneOf<DomainStatus>(CASE_STATUSES, params.get('status'));
  const state = oneOf(CASE_STATES, params.get('state'));
  const search = urlSearch.trim().slice(0, MAX_SEARCH) || null;
  const variables = useMemo<CaseListVariables>(
    () => ({
      workingGroupId: group || null,
      status: status as CaseStatus | null,
      state: state as CaseState | null,
      search,
    }),
    [group, status, state, search],
  );

  return { variables, searchText, setSearchText, update };
}
