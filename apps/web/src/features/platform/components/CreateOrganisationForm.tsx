import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CreateOrganisationDocument, type OrganisationKind } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { isOrganisationKind, ORGANISATION_KINDS } from '../../organisation/utils/roles';

export function CreateOrganisationForm({ onCreated }: { onCreated: (id: string) => void }) {
  const intl = useIntl();
  const create = useAction(CreateOrganisationDocument);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('cso');
  const [missingName, setMissingName] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) return setMissingName(true);
    setMissingName(false);
    const result = await create.run({ input: { name: name.trim(), kind } });
    const organisation = result.data?.createOrganisation;
    if (!organisation) return;
    notifications.show({
      color: 'teal',
      message: intl.formatMessage(
        { id: 'platform.organisationCreated' },
        { name: organisation.name },
      ),
    });
    setName('');
    onCreated(organisation.id);
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="create-organisation-form"
    >
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" grow>
          <TextInput
            label={intl.formatMessage({ id: 'platform.organisationName' })}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={missingName ? intl.formatMessage({ id: 'form.nameRequired' }) : undefined}
            required
          />
          <NativeSelect
            label={intl.formatMessage({ id: 'platform.organisationKind' })}
            value={kind}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isOrganisationKind(value)) setKind(value);
            }}
            data={ORGANISATION_KINDS.map((value) => ({
              value,
              label: intl.formatMessage({ id: `kind.${value}` }),
            }))}
          />
        </Group>
        <ActionError error={create.error} onRetry={() => void submit()} />
        <Button type="submit" loading={create.fetching} style={{ alignSelf: 'flex-start' }}>
          <FormattedMessage id="platform.createOrganisation" />
        </Button>
      </Stack>
    </form>
  );
}
