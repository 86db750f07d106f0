import { useCallback, useReducer } from 'react';
import { useClient } from 'urql';
import { AuditLogDocument } from '../../../gql/graphql';
import { AUDIT_EXPORT_CAP, auditCsv, type ExportEntry, type ExportNames } from '../utils/audit-csv';
import type { AuditLogVariables } from './useAuditFilter';

/** The hub's largest page: fewer round trips for a long export. */
const EXPORT_PAGE_SIZE = 200;

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number | null }
  | { phase: 'done'; rows: number; total: number; capped: boolean }
  | { phase: 'failed'; error: unknown };

type ExportEvent =
  | { type: 'start' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; rows: number; total: number }
  | { type: 'failed'; error: unknown };

function reducer(_state: ExportState, event: ExportEvent): ExportState {
  switch (event.type) {
    case 'start':
      return { phase: 'running', done: 0, total: null };
    case 'progress':
      return { phase: 'running', done: event.done, total: event.total };
    case 'done':
      return {
        phase: 'done',
        rows: event.rows,
        total: event.total,
        capped: event.total > event.rows,
      };
    case 'failed':
      return { phase: 'failed', error: event.error };
  }
}

/** Reads every entry matching the filters, page by page, up to the cap; the first page tells the hub to record the export. */
export async function readForExport(
  read: (
    vars: AuditLogVariables & { beforeSeq: string | null; limit: number; export: boolean },
  ) => Promise<{
    entries: readonly ExportEntry[];
    hasMore: boolean;
    totalCount: number;
  }>,
  variables: AuditLogVariables,
  onProgress: (done: number, total: number) => void,
): Promise<{ entries: ExportEntry[]; total: number }> {
  const entries: ExportEntry[] = [];
  let beforeSeq: string | null = null;
  let total = 0;
  for (;;) {
    const page = await read({
      ...variables,
      beforeSeq,
      limit: EXPORT_PAGE_SIZE,
      export: beforeSeq === null,
    });
    total = page.totalCount;
    entries.push(...page.entries.slice(0, AUDIT_EXPORT_CAP - entries.length));
    onProgress(entries.length, total);
    const last = page.entries.at(-1);
    if (!page.hasMore || !last || entries.length >= AUDIT_EXPORT_CAP) return { entries, total };
    beforeSeq = last.seq;
  }
}

function download(text: string, fileName: string): void {
  // A byte-order mark so spreadsheet programs read the UTF-8 (Arabic, Cyrillic names) correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The CSV export of the filtered audit log, built in the browser. */
export function useAuditExport(
  variables: AuditLogVariables,
  names: ExportNames,
  fileName: () => string,
) {
  const client = useClient();
  const [state, dispatch] = useReducer(reducer, { phase: 'idle' });
  const run = useCallback(async () => {
    dispatch({ type: 'start' });
    try {
      const { entries, total } = await readForExport(
        async (vars) => {
          const result = await client
            .query(AuditLogDocument, vars, { requestPolicy: 'network-only' })
            .toPromise();
          if (result.error || !result.data) throw result.error ?? new Error('no data');
          return result.data.auditLog;
        },
        variables,
        (done, all) => dispatch({ type: 'progress', done, total: all }),
      );
      download(auditCsv(entries, names), fileName());
      dispatch({ type: 'done', rows: entries.length, total });
    } catch (error) {
      dispatch({ type: 'failed', error });
    }
  }, [client, variables, names, fileName]);
  return { state, run };
}
