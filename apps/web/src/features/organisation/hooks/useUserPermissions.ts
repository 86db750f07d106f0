import type { OrganisationUsersQuery } from '../../../gql/graphql';
import { usePermissions } from '../../auth/hooks/permissions';
import { useViewer } from '../../auth/hooks/session';

export type OrganisationUser = OrganisationUsersQuery['users'][number];

/** What the viewer may do to another, active user (never to themselves). */
export function useUserPermissions(user: OrganisationUser) {
  const viewer = useViewer();
  const can = usePermissions();
  const record = { id: user.id, organisationId: user.organisationId, role: user.role };
  const other = user.id !== viewer.user.id && !user.disabled;
  return {
    mayUpdate: other && can({ action: 'update', subject: 'User', record }),
    mayDisable: other && can({ action: 'disable', subject: 'User', record }),
  };
}
