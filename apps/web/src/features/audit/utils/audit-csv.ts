import Papa from 'papaparse';

/** What one exported row is made of (the fields of an audit entry the export needs). */
export interface ExportEntry {
  seq: string;
  occurredAt: string | Date;
  actorName?: string | null;
  actorUserId?: string | null;
  organisationId?: string | null;
  workingGroupId?: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  change?: unknown;
  hash: string;
}

/** The most entries one export holds; the page says so when there were more. */
export const AUDIT_EXPORT_CAP = 50_000;

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'time',
  'actor',
  'organisation',
  'working_group',
  'action',
  'subject_type',
  'subject_id',
  'change',
  'hash',
] as const;

/**
 * A cell a spreadsheet will not run as a formula: text starting with
 * = + - @ (or a tab or carriage return, which some programs skip before
 * one) gets a leading apostrophe. Names are typed by people; an export
 * must not become an attack on whoever opens it.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface ExportNames {
  organisations: ReadonlyMap<string, string>;
  workingGroups: ReadonlyMap<string, string>;
}

/** The entries as CSV (header row first), every cell guarded against formula injection. */
export function auditCsv(entries: readonly ExportEntry[], names: ExportNames): string {
  const rows = entries.map((e) =>
    [
      e.seq,
      new Date(e.occurredAt).toISOString(),
      e.actorName ?? e.actorUserId ?? '',
      e.organisationId ? (names.organisations.get(e.organisationId) ?? e.organisationId) : '',
      e.workingGroupId ? (names.workingGroups.get(e.workingGroupId) ?? e.workingGroupId) : '',
      e.action,
      e.subjectType ?? '',
      e.subjectId ?? '',
      e.change === null || e.change === undefined ? '' : JSON.stringify(e.change),
      e.hash,
    ].map(safeCell),
  );
  return Papa.unparse({ fields: [...AUDIT_CSV_COLUMNS], data: rows }, { newline: '\r\n' });
}

/** `parallax-audit-<scope>-<YYYY-MM-DD>.csv`; the scope is `all`, or the organisation's or group's name made file-safe. */
export function auditFileName(
  scope: { label: string | null; id: string | null },
  now: Date,
): string {
  const slug = (scope.label ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  const part = scope.id ? slug || scope.id.slice(0, 8) : 'all';
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `parallax-audit-${part}-${day}.csv`;
}
