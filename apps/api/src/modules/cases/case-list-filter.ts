import type { CaseStatus } from '@parallax/domain';
import type { CaseState } from './dto/case-list.args.js';

/** What the cases list is narrowed to (all optional; `search` already trimmed). */
export interface CaseListFilter {
  workingGroupId: string | null;
  status: CaseStatus | null;
  state: CaseState | null;
  search: string | null;
}

/** `text` matched literally by LIKE: its wildcards and the escape character escaped. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const CURRENT_EPOCH = `(SELECT e.epoch FROM working_group_epoch e WHERE e.working_group_id = c.working_group_id AND e.retired_at IS NULL)`;

const STATE_CONDITION: Record<CaseState, string> = {
  current: `c.withdrawn_at IS NULL AND c.frozen_at IS NULL AND c.epoch IS NOT DISTINCT FROM coalesce(${CURRENT_EPOCH}, c.epoch)`,
  needs_refingerprint: `c.withdrawn_at IS NULL AND c.frozen_at IS NULL AND c.epoch <> ${CURRENT_EPOCH}`,
  withdrawn: 'c.withdrawn_at IS NOT NULL',
  frozen: 'c.frozen_at IS NOT NULL AND c.withdrawn_at IS NULL',
};

/**
 * The WHERE clause (over `tracking_case c`) of one organisation's cases
 * matching `filter`, with its parameters. Always scoped to the organisation,
 * on top of row-level security.
 */
export function caseListWhere(
  organisationId: string,
  filter: CaseListFilter,
): { where: string; params: unknown[] } {
  const params: unknown[] = [organisationId];
  const conditions = ['c.organisation_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.workingGroupId) add((p) => `c.working_group_id = ${p}::uuid`, filter.workingGroupId);
  if (filter.status) add((p) => `c.status = ${p}::case_status`, filter.status);
  if (filter.search)
    add((p) => `c.reference ILIKE ${p} ESCAPE '\\'`, `%${likeLiteral(filter.search)}%`);
  if (filter.state) conditions.push(STATE_CONDITION[filter.state]);
  return { where: conditions.join(' AND '), params };
}
