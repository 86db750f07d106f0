/**
 * What the audit log is narrowed to. Row-level security (which mirrors the
 * CASL policy for `AuditEntry`) decides what the caller may see at all;
 * these only narrow it further.
 */
export interface AuditLogFilter {
  organisationId: string | null;
  workingGroupId: string | null;
  /** Any of these actions; empty: every action. */
  actions?: readonly string[] | undefined;
  /** Entries at or after this time. */
  from?: Date | null | undefined;
  /** Entries strictly before this time. */
  to?: Date | null | undefined;
}

/** The WHERE clause (over `audit_log a`) of `filter`, its parameters numbered from `$1`. */
export function auditLogWhere(filter: AuditLogFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = ['true'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.organisationId) add((p) => `a.organisation_id = ${p}::uuid`, filter.organisationId);
  if (filter.workingGroupId) add((p) => `a.working_group_id = ${p}::uuid`, filter.workingGroupId);
  if (filter.actions && filter.actions.length > 0)
    add((p) => `a.action = ANY (${p}::text[])`, filter.actions);
  if (filter.from) add((p) => `a.occurred_at >= ${p}::timestamptz`, filter.from);
  if (filter.to) add((p) => `a.occurred_at < ${p}::timestamptz`, filter.to);
  return { where: conditions.join(' AND '), params };
}
