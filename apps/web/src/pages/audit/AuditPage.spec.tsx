import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, type Handler } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';

const entry = (seq: number, over: Record<string, unknown> = {}) => ({
  __typename: 'AuditEntry',
  seq: String(seq),
  occurredAt: '2026-11-27T08:00:00.000Z',
  action: 'case.register',
  actorName: 'Amal Admin',
  actorUserId: 'user-1',
  organisationId: 'org-1',
  workingGroupId: null,
  subjectType: 'working_group',
  subjectId: 'group-1',
  change: { fingerprints: 8 },
  hash: 'ab'.repeat(32),
  ...over,
});

/** The hub's audit log: `total` entries numbered down from `total`, paged by `beforeSeq`. */
function auditLog(total: number, first: Record<string, unknown> = {}): Handler {
  return (v) => {
    const top = v['beforeSeq'] ? Number(v['beforeSeq']) - 1 : total;
    const n = Math.min(Number(v['limit']), top);
    return {
      data: {
        auditLog: {
          __typename: 'AuditLogPage',
          hasMore: top - n > 0,
          totalCount: total,
          entries: Array.from({ length: n }, (_, i) =>
            entry(top - i, top - i === total ? first : {}),
          ),
          verification: {
            __typename: 'ChainVerification',
            ok: true,
            entries: total,
            firstBadSeq: null,
            reason: null,
            checkedAt: '2026-11-27T08:00:00Z',
          },
        },
      },
    };
  };
}

function hub(total = 3, first: Record<string, unknown> = {}) {
  return fakeServer({
    handlers: {
      AuditLog: auditLog(total, first),
      AuditActions: () => ({ data: { auditActions: ['case.register', 'user.create'] } }),
      AuditCheckpoint: () => ({
        data: {
          auditCheckpoint: {
            __typename: 'AuditCheckpointView',
            hubPublicKey: '',
            latest: null,
            entryHashAtKnownSeq: null,
          },
        },
      }),
    },
  });
}

afterEach(() => vi.restoreAllMocks());

/** The app's first render (session, shell) can take a while on a busy machine. */
const SLOW = { timeout: 8000 };

describe('the audit page', { timeout: 30_000 }, () => {
  it('shows subject types and actions translated, and the exact total', async () => {
    await renderApp({
      path: '/audit',
      server: hub(3, { subjectType: 'session', action: 'audit.export' }),
      locale: 'uk',
    });
    await screen.findAllByTestId('audit-entry', {}, SLOW);
    const subjects = screen.getAllByTestId('audit-subject').map((s) => s.textContent);
    expect(subjects).toEqual(['Сеанс', 'Робоча група', 'Робоча група']);
    expect(screen.getAllByTestId('audit-entry')[0]?.textContent).toContain(
      'Експорт журналу аудиту',
    );
    expect(screen.getByTestId('audit-footer-count').dataset['total']).toBe('3');
  });

  it('sends the filters in the URL to the hub: actions, and a day range as local midnights', async () => {
    const server = hub();
    await renderApp({
      path: '/audit?action=case.register&action=user.create&from=2026-11-01&to=2026-11-02',
      server,
    });
    await screen.findAllByTestId('audit-entry', {}, SLOW);
    const call = server.calls.find((c) => c.operationName === 'AuditLog');
    expect(call?.variables).toMatchObject({
      actions: ['case.register', 'user.create'],
      since: new Date(2026, 10, 1).toISOString(),
      until: new Date(2026, 10, 3).toISOString(),
    });
    expect(call?.variables['export']).not.toBe(true);
  });

  it('says a backwards day range is wrong instead of asking the hub', async () => {
    const server = hub();
    await renderApp({ path: '/audit?from=2026-11-05&to=2026-11-02', server });
    const error = await screen.findByTestId('audit-range-error', {}, SLOW);
    expect(error.textContent).toContain('The start of the period is after its end');
    expect(server.calls.filter((c) => c.operationName === 'AuditLog')).toEqual([]);
    expect((screen.getByTestId('audit-export') as HTMLButtonElement).disabled).toBe(true);
  });

  it('exports every matching entry as CSV, guarded against formulas, and says how many', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:audit';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const server = hub(230, { actorName: '=cmd|calc' });
    await renderApp({ path: '/audit?action=case.register', server });
    await screen.findAllByTestId('audit-entry', {}, SLOW);
    fireEvent.click(screen.getByTestId('audit-export'));
    await waitFor(
      () =>
        expect(screen.getByTestId('audit-export-status').textContent).toBe(
          'Entries exported: 230. The export itself is recorded in the log.',
        ),
      SLOW,
    );
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toMatch(/^parallax-audit-all-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>((await blobs[0]?.text())?.replace(/^\uFEFF/, '') ?? '').data;
    expect(rows[0]).toEqual([
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
    ]);
    expect(rows).toHaveLength(231);
    expect(rows[1]?.slice(0, 3)).toEqual(['230', '2026-11-27T08:00:00.000Z', "'=cmd|calc"]);
    const exportCalls = server.calls.filter(
      (c) => c.operationName === 'AuditLog' && c.variables['limit'] === 200,
    );
    expect(
      exportCalls.map((c) => [
        c.variables['beforeSeq'],
        c.variables['export'],
        c.variables['actions'],
      ]),
    ).toEqual([
      [null, true, ['case.register']],
      ['31', false, ['case.register']],
    ]);
    expect(
      within(screen.getByTestId('audit-page')).getByTestId('audit-footer-count').textContent,
    ).toBe('Showing 50 of 230');
  });
});
