import { DEFAULT_OVERLAP_ALERT_LEVEL } from '@parallax/domain';
import { useQuery } from 'urql';
import {
  OrganisationOverlapAlertLevelDocument,
  type OverlapAlertLevel,
} from '../../../gql/graphql';

/**
 * The organisation's overlap alert level as its members read it: null while
 * it loads (or for another organisation, whose level the hub does not tell).
 */
export function useOverlapAlertLevel(organisationId: string | null): OverlapAlertLevel | null {
  const [{ data }] = useQuery({
    query: OrganisationOverlapAlertLevelDocument,
    variables: { id: organisationId ?? '' },
    pause: organisationId === null,
  });
  return data?.organisation.overlapAlertLevel ?? null;
}

/** The level to apply while the real one is unknown: the hub's default. */
export const ASSUMED_ALERT_LEVEL: OverlapAlertLevel = DEFAULT_OVERLAP_ALERT_LEVEL;
