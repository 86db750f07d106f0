import { Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { usePermissions } from '../../auth/permissions';
import {
  AddDonorToWorkingGroupDocument,
  OrganisationDirectoryDocument,
  RemoveDonorFromWorkingGroupDocument,
  type WorkingGroupDetailQuery,
} from '../../gql/graphql';
import { useAction } from '../../graphql/use-action';
import { ActionError } from '../../ui/ActionError';
import { ConfirmButton } from '../../ui/ConfirmButton';

type Donors = WorkingGroupDetailQuery['workingGroup']['donors'];

/** Donor organisations see the group's anonymised metrics, never a case. */
export function DonorsSection({
  workingGroupId,
  donors,
  onChanged,
}: {
  workingGroupId: string;
  donors: Donors;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const can = usePermissions();
  const record = { workingGroupId, organisationId: '' };
  const mayAdd = can({ action: 'create', subject: 'Donor', record });
  const mayRemove = can({ action: 'delete', subject: 'Donor', record });
  const remove = useAction(RemoveDonorFromWorkingGroupDocument);

  return (
    <Stack gap="sm" data-testid="group-donors">
      <Title order={2} size="h3">
        <FormattedMessage id="groups.donorsTitle" />
      </Title>
      <Text size="sm" c="dimmed">
        <FormattedMessage id="groups.donorsIntro" />
      </Text>
      {donors.length === 0 ? (
        <Text size="sm">
          <FormattedMessage id="groups.noDonors" />
        </Text>
      ) : (
        <List spacing={6}>
          {donors.map((donor) => (
            <List.Item key={donor.id}>
              <Group gap="sm">
                <Text size="sm" dir="auto">
                  {donor.name}
                </Text>
                {mayRemove && (
                  <ConfirmButton
                    title={intl.formatMessage({ id: 'groups.removeDonorTitle' })}
                    body={
                      <FormattedMessage
                        id="groups.removeDonorBody"
                        values={{ name: <bdi>{donor.name}</bdi> }}
                      />
                    }
                    onConfirm={() =>
                      void remove
                        .run({ workingGroupId, organisationId: donor.id })
                        .then((r) => !r.error && onChanged())
                    }
                    loading={remove.fetching}
                  >
                    <FormattedMessage id="action.remove" />
                  </ConfirmButton>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <ActionError error={remove.error} onRetry={remove.retry} />
      {mayAdd && <AddDonor workingGroupId={workingGroupId} donors={donors} onAdded={onChanged} />}
    </Stack>
  );
}

function AddDonor({
  workingGroupId,
  donors,
  onAdded,
}: {
  workingGroupId: string;
  donors: Donors;
  onAdded: () => void;
}) {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: OrganisationDirectoryDocument });
  const add = useAction(AddDonorToWorkingGroupDocument);
  const [organisationId, setOrganisationId] = useState('');
  const current = new Set(donors.map((d) => d.id));
  const candidates = (data?.organisations ?? []).filter(
    (o) => o.kind === 'donor' && !current.has(o.id),
  );

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!organisationId) return;
    const result = await add.run({ workingGroupId, organisationId });
    if (!result.error) {
      setOrganisationId('');
      onAdded();
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={intl.formatMessage({ id: 'groups.addDonor' })}
            value={organisationId}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
            data={[
              { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
              ...candidates.map((o) => ({ value: o.id, label: o.name })),
            ]}
            miw={260}
          />
          <Button type="submit" loading={add.fetching} disabled={!organisationId}>
            <FormattedMessage id="groups.add" />
          </Button>
        </Group>
        <ActionError error={add.error} onRetry={() => void submit()} />
      </Stack>
    </form>
  );
}
