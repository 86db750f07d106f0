import { useQuery } from 'urql';
import { OrganisationReferencePatternDocument } from '../../../gql/graphql';
import { useViewer } from '../../auth/hooks/session';

/**
 * The viewer's organisation's case reference pattern, or null when it has
 * none (or it has not loaded: the hub enforces it anyway, this is the early
 * check that spares a round trip).
 */
export function useReferencePattern(): string | null {
  const viewer = useViewer();
  const id = viewer.organisation?.id ?? '';
  const [{ data }] = useQuery({
    query: OrganisationReferencePatternDocument,
    variables: { id },
    pause: id === '',
  });
  return data?.organisation.caseReferencePattern ?? null;
}
