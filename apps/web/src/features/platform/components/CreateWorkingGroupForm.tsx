import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CreateWorkingGroupDocument } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';

export function CreateWorkingGroupForm({ onCreated }: { onCreated: () => void }) {
  const intl = useIntl();
  const create = useAction(CreateWorkingGroupDocument);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [missingName, setMissingName] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!name.trim()) return setMissingName(true);
    setMissingName(false);
    const result = await create.run({
      input: { name: name.trim(), description: description.trim() || null },
    });
    const group = result.data?.createWorkingGroup;
    if (!group) return;
    notifications.show({
      color: 'teal',
      message: intl.formatMessage({ id: 'platform.groupCreated' }, { name: group.name }),
    });
    setName('');
    setDescription('');
    onCreated();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="create-group-form">
      <Stack gap="sm" maw={560}>
        <TextInput
          label={intl.formatMessage({ id: 'platform.groupName' })}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={missingName ? intl.formatMessage({ id: 'form.nameRequired' }) : undefined}
          required
        />
        <Textarea
          label={intl.formatMessage({ id: 'platform.groupDescription' })}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ActionError error={create.error} onRetry={() => void submit()} />
        <Button type="submit" loading={create.fetching} style={{ alignSelf: 'flex-start' }}>
          <FormattedMessage id="platform.createGroup" />
        </Button>
      </Stack>
    </form>
  );
}
