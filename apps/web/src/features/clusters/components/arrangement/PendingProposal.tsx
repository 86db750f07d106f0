import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, FormattedRelativeTime, useIntl } from 'react-intl';
import { formatDateTime } from '../../../../ui/format';
import { partyName, type ClusterView, type ProposalView } from '../../utils/cluster-view';
import { relativeTo } from '../../utils/deadline';
import { RoleList } from './RoleList';

/** The proposal on the table: its roles, its deadline, who must answer and who has. */
export function PendingProposal({
  cluster,
  proposal,
  now = new Date(),
}: {
  cluster: Pick<ClusterView, 'parties'>;
  proposal: ProposalView;
  now?: Date;
}) {
  const intl = useIntl();
  const name = (id: string) =>
    partyName(cluster, id) ?? intl.formatMessage({ id: 'arrangement.unknownOrganisation' });
  const relative = relativeTo(proposal.deadline, now);
  const answerOf = (id: string) => proposal.answers.find((a) => a.organisationId === id)?.answer;
  return (
    <Card withBorder padding="sm" data-testid="arrangement-proposal">
      <Stack gap="xs">
        <Title order={3} size="h5">
          <FormattedMessage
            id={proposal.counterTo ? 'arrangement.counterTitle' : 'arrangement.proposalTitle'}
            values={{
              number: proposal.number,
              by: name(proposal.proposedBy),
              counterTo: proposal.counterTo ?? 0,
            }}
          />
        </Title>
        <RoleList cluster={cluster} roles={proposal.roles} testId="arrangement-proposal-roles" />
        <Text size="sm" data-testid="arrangement-deadline">
          <FormattedMessage
            id="arrangement.deadline"
            values={{
              absolute: (
                <time dateTime={proposal.deadline}>{formatDateTime(intl, proposal.deadline)}</time>
              ),
              relative: (
                <FormattedRelativeTime value={relative.value} unit={relative.unit} numeric="auto" />
              ),
            }}
          />
        </Text>
        <Stack gap={2} data-testid="arrangement-answers">
          <Text size="sm" fw={500}>
            <FormattedMessage id="arrangement.mustAnswer" />
          </Text>
          {proposal.mustAnswer.map((id) => (
            <Group key={id} gap="xs" wrap="nowrap">
              <Text size="sm">
                <FormattedMessage
                  id="arrangement.answerLine"
                  values={{ organisation: name(id), answer: answerOf(id) ?? 'waiting' }}
                />
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
