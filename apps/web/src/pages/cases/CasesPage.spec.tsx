import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';

const kase = (id: string, reference: string) => ({
  __typename: 'TrackingCase',
  id,
  workingGroupId: 'group-1',
  reference,
  status: 'active',
  situationTags: [],
  crimeTags: [],
  epoch: 1,
  fingerprintCount: 8,
  needsRefingerprint: false,
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
  withdrawnAt: null,
  frozenAt: null,
});

/** The hub's cases list: two pages of three cases, or the search's matches. */
function hub() {
  return fakeServer({
    handlers: {
      Cases: (v) => {
        const all = [kase('c1', 'SYR-003'), kase('c2', 'SYR-002'), kase('c3', 'UKR-001')];
        const matching = v['search']
          ? all.filter((c) => c.reference.toLowerCase().includes(String(v['search']).toLowerCase()))
          : all;
        const start = v['after'] === 'cursor-2' ? 2 : 0;
        const nodes = matching.slice(start, start + 2);
        return {
          data: {
            cases: {
              __typename: 'CasePage',
              totalCount: matching.length,
              pageInfo: {
                __typename: 'PageInfo',
                endCursor: nodes.length ? `cursor-${start + nodes.length}` : null,
                hasNextPage: start + 2 < matching.length,
              },
              nodes,
            },
          },
        };
      },
    },
  });
}

/** The app's first render (session, shell) can take a while on a busy machine. */
const SLOW = { timeout: 8000 };

const references = () =>
  screen.getAllByTestId('case-row').map((r) => r.querySelector('a')?.textContent);

describe('the cases page', { timeout: 30_000 }, () => {
  it('shows the exact total and appends the next page on "Show more"', async () => {
    const server = hub();
    await renderApp({ path: '/cases', server });
    const count = await screen.findByTestId('cases-footer-count', {}, SLOW);
    expect(count.textContent).toBe('Showing 2 of 3');
    expect(references()).toEqual(['SYR-003', 'SYR-002']);
    fireEvent.click(screen.getByTestId('cases-footer-more'));
    await waitFor(() => expect(references()).toEqual(['SYR-003', 'SYR-002', 'UKR-001']));
    expect(screen.getByTestId('cases-footer-count').textContent).toBe('Showing 3 of 3');
    expect(screen.queryByTestId('cases-footer-more')).toBeNull();
    const asked = server.calls
      .filter((c) => c.operationName === 'Cases')
      .map((c) => c.variables['after']);
    expect(asked).toEqual([null, 'cursor-2']);
  });

  it('searches the hub by reference once typing pauses, and keeps the search in the URL', async () => {
    const server = hub();
    const { router } = await renderApp({ path: '/cases', server });
    await screen.findByTestId('cases-footer-count', {}, SLOW);
    fireEvent.change(screen.getByTestId('cases-search'), { target: { value: 'u' } });
    fireEvent.change(screen.getByTestId('cases-search'), { target: { value: 'ukr' } });
    await waitFor(() => expect(references()).toEqual(['UKR-001']), SLOW);
    expect(screen.getByTestId('cases-footer-count').textContent).toBe('Showing 1 of 1');
    expect(router.state.location.search).toBe('?q=ukr');
    const searches = server.calls
      .filter((c) => c.operationName === 'Cases')
      .map((c) => c.variables['search']);
    // Debounced: the half-typed "u" never went to the hub.
    expect(searches).toEqual([null, 'ukr']);
  });

  it('reads its search and filters from the URL, and says when nothing matches', async () => {
    const server = hub();
    await renderApp({ path: '/cases?q=zzz&status=closed&state=withdrawn&group=group-9', server });
    expect((await screen.findByTestId('cases-empty', {}, SLOW)).textContent).toBe(
      'No case matches this search or these filters.',
    );
    expect((screen.getByTestId('cases-search') as HTMLInputElement).value).toBe('zzz');
    const call = server.calls.find((c) => c.operationName === 'Cases');
    expect(call?.variables).toMatchObject({
      search: 'zzz',
      status: 'closed',
      state: 'withdrawn',
      workingGroupId: 'group-9',
      after: null,
    });
  });
});
