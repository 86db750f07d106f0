import type { HubRequest } from './request.js';

/**
 * A generated typed document in string form (`documentMode: 'string'` of
 * the codegen: hub-client's and the CLI's), matched by shape so either
 * package's generated class fits.
 */
export interface TypedQuery<TResult, TVariables> {
  readonly __apiType?: (variables: TVariables) => TResult;
  toString(): string;
}

/**
 * One typed operation through a {@link HubRequest}: the document is
 * generated from a .graphql file checked against the API schema
 * (`npm run codegen`), so its variables and result are typed, and the
 * request layer still receives a plain query string.
 */
export function send<TResult, TVariables>(
  request: HubRequest,
  document: TypedQuery<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  return request<TResult>(document.toString(), variables as Record<string, unknown>);
}
