import { Stack, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { usePermissions } from '../../auth/hooks/permissions';
import { OrganisationInvitationsDocument, RevokeInvitationDocument } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { OneTimeLink } from '../../../ui/OneTimeLink';
import { QueryStatus } from '../../../ui/QueryStatus';
import { InvitationForm } from './InvitationForm';
import { InvitationsTable } from './InvitationsTable';

/** The organisation's invitations, and a form for a new one where the policy allows. */
export function InvitationsSection({ organisationId }: { organisationId: string }) {
  const can = usePermissions();
  const mayCreate = can({
    action: 'create',
    subject: 'Invitation',
    record: { id: '', organisationId },
  });
  // An empty list carries no typename; name it so a new invitation refreshes it.
  const context = useMemo(() => ({ additionalTypenames: ['Invitation'] }), []);
  const [invitations, reexecute] = useQuery({
    query: OrganisationInvitationsDocument,
    variables: { organisationId },
    context,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  const [link, setLink] = useState<string | null>(null);
  const revoke = useAction(RevokeInvitationDocument);

  return (
    <Stack gap="sm" data-testid="organisation-invitations">
      <Title order={2} size="h3">
        <FormattedMessage id="invitations.title" />
      </Title>
      {link && <OneTimeLink path={link} onDismiss={() => setLink(null)} />}
      {mayCreate && !link && <InvitationForm organisationId={organisationId} onCreated={setLink} />}
      <ActionError error={revoke.error} onRetry={revoke.retry} />
      <QueryStatus {...invitations} onRetry={refresh}>
        {({ invitations: list }) => (
          <InvitationsTable
            invitations={list}
            onRevoke={(invitation) => void revoke.run({ id: invitation.id })}
            revoking={revoke.fetching}
          />
        )}
      </QueryStatus>
    </Stack>
  );
}
