import { useQuery } from 'urql';
import { ReferralAuthoritiesDocument } from '../../../gql/graphql';

/** The hub's configurable list of authorities (asked once per page: it changes with a redeploy only). */
export function useReferralAuthorities() {
  const [result] = useQuery({ query: ReferralAuthoritiesDocument });
  return {
    authorities: result.data?.referralAuthorities ?? [],
    fetching: result.fetching,
    error: result.error,
  };
}
