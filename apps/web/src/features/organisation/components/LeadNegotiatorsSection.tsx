import { Button, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import {
  OrganisationLeadNegotiatorsDocument,
  SetLeadNegotiatorsDocument,
  type LeadNegotiators,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';

/**
 * Who speaks for the organisation in lead negotiations on clusters: its
 * admins only (the default), or its investigators too. For its admins; the
 * hub asks for a fresh second factor and audits the change.
 */
export function LeadNegotiatorsSection({ organisationId }: { organisationId: string }) {
  const intl = useIntl();
  const [{ data }] = useQuery({
    query: OrganisationLeadNegotiatorsDocument,
    variables: { id: organisationId },
  });
  const current = data?.organisation.leadNegotiators ?? null;
  const save = useAction(SetLeadNegotiatorsDocument);
  const [choice, setChoice] = useState<LeadNegotiators>('admins');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current) setChoice(current);
  }, [current]);

  const submit = async () => {
    setSaved(false);
    const result = await save.run({ policy: choice });
    if (result.data) setSaved(true);
  };

  return (
    <Stack gap="sm" data-testid="lead-negotiators-section">
      <Title order={2} size="h3">
        <FormattedMessage id="organisation.negotiatorsTitle" />
      </Title>
      <Text size="sm">
        <FormattedMessage id="organisation.negotiatorsIntro" />
      </Text>
      <Radio.Group
        label={intl.formatMessage({ id: 'organisation.negotiatorsLabel' })}
        value={choice}
        onChange={(value) => {
          setSaved(false);
          setChoice(value as LeadNegotiators);
        }}
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="admins"
            label={intl.formatMessage({ id: 'organisation.negotiatorsAdmins' })}
          />
          <Radio
            value="admins_and_investigators"
            label={intl.formatMessage({ id: 'organisation.negotiatorsInvestigators' })}
          />
        </Stack>
      </Radio.Group>
      <ActionError error={save.error} onRetry={save.retry} />
      {saved && (
        <Text size="sm" role="status">
          <FormattedMessage id="organisation.negotiatorsSaved" />
        </Text>
      )}
      <Button
        onClick={() => void submit()}
        loading={save.fetching}
        disabled={current === null || choice === current}
        w="fit-content"
      >
        <FormattedMessage id="organisation.negotiatorsSave" />
      </Button>
    </Stack>
  );
}
