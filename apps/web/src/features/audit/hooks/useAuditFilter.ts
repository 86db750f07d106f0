import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The audit log's filters as the URL keeps them: `org`, `group`, `action` (repeated), `from`, `to` (YYYY-MM-DD). */
export interface AuditFilter {
  organisationId: string | null;
  workingGroupId: string | null;
  actions: readonly string[];
  fromDate: string | null;
  toDate: string | null;
}

/** The filters as the API takes them: a day range becomes [start of `from`, start of the day after `to`) in local time. */
export interface AuditLogVariables extends Record<string, unknown> {
  organisationId: string | null;
  workingGroupId: string | null;
  actions: string[] | null;
  since: string | null;
  until: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z][a-z0-9_.]{0,63}$/;

function validDay(value: string | null): string | null {
  if (!value || !DAY.test(value)) return null;
  return Number.isNaN(new Date(`${value}T00:00:00`).getTime()) ? null : value;
}

/** Local midnight of `day` plus `days`, as an ISO time. */
export function dayStart(day: string, days = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).toISOString();
}

export function toVariables(filter: AuditFilter): AuditLogVariables {
  return {
    organisationId: filter.organisationId,
    workingGroupId: filter.workingGroupId,
    actions: filter.actions.length > 0 ? [...filter.actions] : null,
    since: filter.fromDate ? dayStart(filter.fromDate) : null,
    until: filter.toDate ? dayStart(filter.toDate, 1) : null,
  };
}

/** The audit filters, kept in the URL so a filtered view can be reloaded and shared. */
export function useAuditFilter() {
  const [params, setParams] = useSearchParams();
  const org = params.get('org');
  const group = params.get('group');
  const actionKey = params.getAll('action').join(',');
  const fromDate = validDay(params.get('from'));
  const toDate = validDay(params.get('to'));
  const filter = useMemo<AuditFilter>(
    () => ({
      organisationId: org || null,
      workingGroupId: group || null,
      actions: actionKey ? actionKey.split(',').filter((a) => ACTION.test(a)) : [],
      fromDate,
      toDate,
    }),
    [org, group, actionKey, fromDate, toDate],
  );
  // Days compare as text (YYYY-MM-DD); the hub refuses such a range anyway (INVALID_DATE_RANGE).
  const invalidRange = fromDate !== null && toDate !== null && fromDate > toDate;
  const variables = useMemo(() => toVariables(filter), [filter]);

  const setFilter = useCallback(
    (patch: Partial<AuditFilter>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const set = (key: string, value: string | null | undefined) => {
            if (value === undefined) return;
            if (value) next.set(key, value);
            else next.delete(key);
          };
          set('org', patch.organisationId);
          set('group', patch.workingGroupId);
          set('from', patch.fromDate);
          set('to', patch.toDate);
          if (patch.actions) {
            next.delete('action');
            for (const a of patch.actions) next.append('action', a);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { filter, variables, invalidRange, setFilter };
}
