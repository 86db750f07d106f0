import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { base, ref } from '../../../pages/overlaps/overlaps-test-fixtures';
import { fakeServer } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';
import { trackingCase } from '../../../test/working-group-fixtures';

const CASE = trackingCase('c1', 'SYR-001');

const overlap = (id: string, strength: string) => ({
  ...base,
  id,
  myCase: ref('c1', 'SYR-001'),
  strength,
  matchedKinds: ['name.pair'],
  contactStatus: 'none',
});
const OVERLAPS = [overlap('o-probable', 'probable'), overlap('o-possible', 'possible')];

/** A hub that answers each list with the overlaps of the asked strengths, like the API. */
function server(level: string) {
  return fakeServer({
    handlers: {
      CaseDetail: () => ({ data: { case: CASE } }),
      OrganisationOverlapAlertLevel: (v) => ({
        data: {
          organisation: { __typename: 'Organisation', id: v['id'], overlapAlertLevel: level },
        },
      }),
      OverlapList: (v) => {
        const strengths = v['strengths'] as string[] | null;
        const nodes = OVERLAPS.filter((o) => !strengths || strengths.includes(o.strength));
        return {
          data: {
            overlaps: {
              __typename: 'OverlapPage',
              nodes,
              totalCount: nodes.length,
              pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
            },
          },
        };
      },
    },
  });
}

const ids = (el: HTMLElement) =>
  within(el)
    .queryAllByTestId('overlap')
    .map((c) => c.getAttribute('data-overlap-id'));

describe("a case's overlaps on its page", () => {
  it('sets possible matches apart, below the alerted ones, as not alerted', async () => {
    await renderApp({ path: '/cases/c1', server: server('probable') });
    const quiet = await screen.findByTestId('case-quiet-overlaps', {}, { timeout: 45_000 });
    expect(ids(quiet)).toEqual(['o-possible']);
    expect(within(quiet).getByText('Possible matches — not alerted').tagName).toMatch(/^H\d$/);
    expect(within(quiet).getByText(/often namesakes/)).toBeTruthy();
    const alerted = screen.getByTestId('case-overlaps');
    expect(ids(alerted)).toEqual(['o-probable']);
    // The alerted group comes first.
    expect(alerted.compareDocumentPosition(quiet) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('lists everything together for an organisation alerted of possible matches too', async () => {
    const hub = server('possible');
    await renderApp({ path: '/cases/c1', server: hub });
    await waitFor(
      () => expect(ids(screen.getByTestId('case-overlaps'))).toEqual(['o-probable', 'o-possible']),
      { timeout: 45_000 },
    );
    expect(screen.queryByTestId('case-quiet-overlaps')).toBeNull();
    const last = hub.calls.filter((c) => c.operationName === 'OverlapList').at(-1);
    expect(last?.variables['strengths']).toBeNull();
  });
});
