import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import {
  AppointCoordinatorDocument,
  OrganisationDirectoryDocument,
  OrganisationUsersDocument,
  type WorkingGroupDetailQuery,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { useViewer } from '../../auth/hooks/session';

type Coordinators = WorkingGroupDetailQuery['workingGroup']['coordinators'];

/**
 * Coordinators pick from their own organisation's people; a platform admin
 * first picks the organisation.
 */
export function AppointCoordinatorForm({
  workingGroupId,
  coordinators,
  onAppointed,
}: {
  workingGroupId: string;
  coordinators: Coordinators;
  onAppointed: () => void;
}) {
  const intl = useIntl();
  const viewer = useViewer();
  const picksOrganisation = viewer.organisation === null;
  const [{ data: directory }] = useQuery({
    query: OrganisationDirectoryDocument,
    pause: !picksOrganisation,
  });
  const [pickedOrganisation, setPickedOrganisation] = useState('');
  const organisationId = viewer.organisation?.id ?? pickedOrganisation;
  const [{ data: users }] = useQuery({
    query: OrganisationUsersDocument,
    variables: { organisationId },
    pause: !organisationId,
  });
  const appoint = useAction(AppointCoordinatorDocument);
  const [userId, setUserId] = useState('');
  const current = new Set(coordinators.map((c) => c.userId));
  const candidates = (users?.users ?? []).filter((u) => !u.disabled && !current.has(u.id));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!userId) return;
    const result = await appoint.run({ workingGroupId, userId });
    if (!result.error) {
      setUserId('');
      onAppointed();
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="appoint-coordinator-form"
    >
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          {picksOrganisation && (
            <NativeSelect
              label={intl.formatMessage({ id: 'invitations.organisation' })}
              value={pickedOrganisation}
              onChange={(event) => {
                setPickedOrganisation(event.currentTarget.value);
                setUserId('');
              }}
              data={[
                { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
                ...(directory?.organisations ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
              miw={220}
            />
          )}
          <NativeSelect
            label={intl.formatMessage({ id: 'groups.appointCoordinator' })}
            value={userId}
            onChange={(event) => setUserId(event.currentTarget.value)}
            data={[
              { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
              ...candidates.map((u) => ({ value: u.id, label: u.displayName })),
            ]}
            miw={220}
          />
          <Button type="submit" loading={appoint.fetching} disabled={!userId}>
            <FormattedMessage id="groups.appoint" />
          </Button>
        </Group>
        <ActionError error={appoint.error} onRetry={() => void submit()} />
      </Stack>
    </form>
  );
}
