import { Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  AddDonorToWorkingGroupDocument,
  RemoveDonorFromWorkingGroupDocument,
  type WorkingGroupDetailQuery,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { RemovableList } from '../../../ui/RemovableList';
import { usePermissions } from '../../auth/hooks/permissions';
import { AddOrganisationForm } from './AddOrganisationForm';

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
  const add = useAction(AddDonorToWorkingGroupDocument);

  return (
    <Stack gap="sm" data-testid="group-donors">
      <Title order={2} size="h3">
        <FormattedMessage id="groups.donorsTitle" />
      </Title>
      <Text size="sm" c="dimmed">
        <FormattedMessage id="groups.donorsIntro" />
      </Text>
      <RemovableList
        items={donors}
        itemKey={(donor) => donor.id}
        render={(donor) => (
          <Text size="sm" dir="auto">
            {donor.name}
          </Text>
        )}
        removable={() => mayRemove}
        confirmTitle={() => intl.formatMessage({ id: 'groups.removeDonorTitle' })}
        confirmBody={(donor) => (
          <FormattedMessage
            id="groups.removeDonorBody"
            values={{ name: <bdi>{donor.name}</bdi> }}
          />
        )}
        onRemove={(donor) =>
          void remove
            .run({ workingGroupId, organisationId: donor.id })
            .then((r) => !r.error && onChanged())
        }
        removing={remove.fetching}
        error={remove.error}
        onRetry={remove.retry}
        empty="groups.noDonors"
      />
      {mayAdd && (
        <AddOrganisationForm
          workingGroupId={workingGroupId}
          kind="donor"
          exclude={new Set(donors.map((d) => d.id))}
          action={add}
          label="groups.addDonor"
          submitLabel="groups.add"
          onAdded={onChanged}
        />
      )}
    </Stack>
  );
}
