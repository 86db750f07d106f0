import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { OrganisationDirectoryDocument, type OrganisationKind } from '../../../gql/graphql';
import type { CombinedError } from '@urql/core';
import type { MessageId } from '../../../i18n/messages';
import { ActionError } from '../../../ui/ActionError';

/**
 * Picks an organisation of one kind from the directory (those already in
 * the group left out) and adds it: a member invitation, a donor…
 */
export function AddOrganisationForm({
  workingGroupId,
  kind,
  exclude,
  action,
  label,
  submitLabel,
  onAdded,
  testId,
}: {
  workingGroupId: string;
  kind: OrganisationKind;
  exclude: ReadonlySet<string>;
  action: {
    run: (variables: { workingGroupId: string; organisationId: string }) => Promise<{
      error?: CombinedError | undefined;
    }>;
    fetching: boolean;
    error: CombinedError | undefined;
  };
  label: MessageId;
  submitLabel: MessageId;
  onAdded: () => void;
  testId?: string;
}) {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: OrganisationDirectoryDocument });
  const [organisationId, setOrganisationId] = useState('');
  const candidates = (data?.organisations ?? []).filter(
    (o) => o.kind === kind && !exclude.has(o.id),
  );

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!organisationId) return;
    const result = await action.run({ workingGroupId, organisationId });
    if (!result.error) {
      setOrganisationId('');
      onAdded();
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid={testId ? `${testId}-form` : undefined}
    >
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={intl.formatMessage({ id: label })}
            value={organisationId}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
            data={[
              { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
              ...candidates.map((o) => ({ value: o.id, label: o.name })),
            ]}
            miw={260}
            data-testid={testId ? `${testId}-select` : undefined}
          />
          <Button type="submit" loading={action.fetching} disabled={!organisationId}>
            <FormattedMessage id={submitLabel} />
          </Button>
        </Group>
        <ActionError error={action.error} onRetry={() => void submit()} />
      </Stack>
    </form>
  );
}
