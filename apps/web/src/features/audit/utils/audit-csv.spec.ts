import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readForExport } from '../hooks/useAuditExport';
import { AUDIT_EXPORT_CAP, auditCsv, auditFileName, safeCell, type ExportEntry } from './audit-csv';

const entry = (over: Partial<ExportEntry> = {}): ExportEntry => ({
  seq: '7',
  occurredAt: '2026-11-27T08:00:00.000Z',
  actorName: 'Amal Admin',
  actorUserId: 'u-1',
  organisationId: 'org-1',
  workingGroupId: 'group-1',
  action: 'case.register',
  subjectType: 'case',
  subjectId: 'c-1',
  change: { status: 'active', fingerprints: 8 },
  hash: 'ab'.repeat(32),
  ...over,
});

const names = {
  organisations: new Map([['org-1', 'Example Centre']]),
  workingGroups: new Map([['group-1', 'Syria group']]),
};

describe('the audit CSV export', () => {
  it('has a header row and one row per entry, names for known ids and the change as JSON', () => {
    const csv = auditCsv(
      [
        entry(),
        entry({
          seq: '6',
          organisationId: 'org-x',
          workingGroupId: null,
          actorName: null,
          change: null,
        }),
      ],
      names,
    );
    const rows = Papa.parse<string[]>(csv).data;
    expect(rows).toEqual([
      [
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
      ],
      [
        '7',
        '2026-11-27T08:00:00.000Z',
        'Amal Admin',
        'Example Centre',
        'Syria group',
        'case.register',
        'case',
        'c-1',
        '{"status":"active","fingerprints":8}',
        'ab'.repeat(32),
      ],
      [
        '6',
        '2026-11-27T08:00:00.000Z',
        'u-1',
        'org-x',
        '',
        'case.register',
        'case',
        'c-1',
        '',
        'ab'.repeat(32),
      ],
    ]);
  });

  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'turns the formula %j into text',
    (name) => {
      const csv = auditCsv([entry({ actorName: name })], names);
      expect(Papa.parse<string[]>(csv).data[1]?.[2]).toBe(`'${name}`);
    },
  );

  it('leaves ordinary text alone, in any script', () => {
    for (const text of ['Amal', 'أمل', 'Олена', 'a=b', '']) expect(safeCell(text)).toBe(text);
  });

  it('names the file after the scope and the day', () => {
    const day = new Date(2026, 10, 27, 9);
    expect(auditFileName({ id: null, label: null }, day)).toBe('parallax-audit-all-2026-11-27.csv');
    expect(auditFileName({ id: 'g-1', label: 'Syria group' }, day)).toBe(
      'parallax-audit-syria-group-2026-11-27.csv',
    );
    expect(auditFileName({ id: '0123456789ab', label: 'مجموعة' }, day)).toBe(
      'parallax-audit-01234567-2026-11-27.csv',
    );
  });

  it('pages through everything, asks the hub to record the export on the first page only, and stops at the cap', async () => {
    const total = AUDIT_EXPORT_CAP + 450;
    const asked: Array<{ beforeSeq: string | null; export: boolean }> = [];
    const result = await readForExport(
      async (vars) => {
        asked.push({ beforeSeq: vars.beforeSeq, export: vars.export });
        const top = vars.beforeSeq === null ? total : Number(vars.beforeSeq) - 1;
        const n = Math.min(vars.limit, top);
        return {
          entries: Array.from({ length: n }, (_, i) => entry({ seq: String(top - i) })),
          hasMore: top - n > 0,
          totalCount: total,
        };
      },
      { organisationId: null, workingGroupId: null, actions: null, since: null, until: null },
      () => undefined,
    );
    expect(result.entries).toHaveLength(AUDIT_EXPORT_CAP);
    expect(result.total).toBe(total);
    expect(asked.filter((a) => a.export)).toEqual([{ beforeSeq: null, export: true }]);
    expect(asked).toHaveLength(AUDIT_EXPORT_CAP / 200);
  });
});
