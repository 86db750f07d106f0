import {
  CaseListPageDocument,
  type CaseListPageQuery,
  type CaseListPageQueryVariables,
} from './gql/graphql.js';
import { send } from './operation.js';
import { HubError, type HubRequest } from './request.js';

export type ListedCase = CaseListPageQuery['cases']['nodes'][number];
export type CaseListFilters = Omit<CaseListPageQueryVariables, 'first' | 'after'>;

/** The hub's largest page. */
const PAGE_SIZE = 200;

/**
 * Every case of the caller's organisation matching `filters`, read page by
 * page (the hub never sends an unbounded list). Stops with a HubError
 * `TOO_MANY_CASES` beyond `max` rather than holding an unbounded list in
 * memory; `onPage` sees the progress and the hub's exact total.
 */
export async function listAllCases(
  request: HubRequest,
  filters: CaseListFilters = {},
  options: { max?: number; onPage?: (loaded: number, total: number) => void } = {},
): Promise<ListedCase[]> {
  const max = options.max ?? 100_000;
  const cases: ListedCase[] = [];
  let after: string | null = null;
  for (;;) {
    const { cases: page }: CaseListPageQuery = await send(request, CaseListPageDocument, {
      ...filters,
      first: PAGE_SIZE,
      after,
    });
    if (page.totalCount > max) {
      throw new HubError('TOO_MANY_CASES', `${page.totalCount} cases match: more than ${max}`);
    }
    cases.push(...page.nodes);
    options.onPage?.(cases.length, page.totalCount);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return cases;
    after = page.pageInfo.endCursor;
  }
}
