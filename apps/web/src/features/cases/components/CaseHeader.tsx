import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { WithdrawCaseDocument, type CaseFieldsFragment } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatDateTime } from '../../../ui/format';

/** A case's reference, its withdrawal (confirmed first) and, once withdrawn, when. */
export function CaseHeader({
  kase: c,
  mayAct,
  onChanged,
}: {
  kase: CaseFieldsFragment;
  mayAct: boolean;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const withdraw = useAction(WithdrawCaseDocument);
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="cases.caseTitle" />
          </Text>
          <Title order={1} data-testid="case-reference">
            <bdi>{c.reference}</bdi>
          </Title>
        </Stack>
        {mayAct && !c.withdrawnAt && (
          <ConfirmButton
            title={intl.formatMessage({ id: 'cases.withdrawTitle' })}
            body={<FormattedMessage id="cases.withdrawBody" />}
            onConfirm={() =>
              void withdraw.run({ caseId: c.id }).then((r) => !r.error && onChanged())
            }
            loading={withdraw.fetching}
            data-testid="case-withdraw"
          >
            <FormattedMessage id="cases.withdraw" />
          </ConfirmButton>
        )}
      </Group>
      <ActionError error={withdraw.error} onRetry={withdraw.retry} />
      {c.withdrawnAt && (
        <Alert color="gray" variant="light" role="note" data-testid="case-withdrawn">
          <Text size="sm">
            <FormattedMessage
              id="cases.withdrawnBody"
              values={{ date: formatDateTime(intl, c.withdrawnAt) }}
            />
          </Text>
        </Alert>
      )}
    </>
  );
}
