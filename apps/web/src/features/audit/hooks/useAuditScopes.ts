import { useQuery } from 'urql';
import { OrganisationDirectoryDocument, WorkingGroupsDocument } from '../../../gql/graphql';
import { usePermissions } from '../../auth/hooks/permissions';
import { useViewer } from '../../auth/hooks/session';

/** The organisations and working groups whose audit entries the viewer may filter on. */
export function useAuditScopes() {
  const viewer = useViewer();
  const can = usePermissions();
  const [{ data: directory }] = useQuery({
    query: OrganisationDirectoryDocument,
    pause: !viewer.actor.isPlatformAdmin,
  });
  const [{ data: groups }] = useQuery({ query: WorkingGroupsDocument });
  const organisations = (
    viewer.actor.isPlatformAdmin
      ? (directory?.organisations ?? [])
      : viewer.organisation
        ? [viewer.organisation]
        : []
  ).filter((o) =>
    can({
      action: 'read',
      subject: 'AuditEntry',
      record: { organisationId: o.id, workingGroupId: null, actorUserId: null },
    }),
  );
  const workingGroups = (groups?.workingGroups ?? []).filter((g) =>
    can({
      action: 'read',
      subject: 'AuditEntry',
      record: { organisationId: null, workingGroupId: g.id, actorUserId: null },
    }),
  );

  return { organisations, workingGroups };
}
