import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/format';
import type { EscalationView } from '../utils/escalation-view';
import { EscalationParties } from './EscalationParties';

/** One arrangement waiting on the coordinators, and the way to the cluster page where they act. */
export function EscalationCard({ view }: { view: EscalationView }) {
  const intl = useIntl();
  const { cluster } = view;
  const titleId = `escalation-${cluster.id}`;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="escalation"
      data-status={view.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            <FormattedMessage
              id="escalations.cardTitle"
              values={{
                parties: <bdi>{intl.formatList(view.partyNames, { type: 'conjunction' })}</bdi>,
              }}
            />
          </Title>
          <Badge color={view.status === 'escalated' ? 'orange' : 'grape'} variant="light" tt="none">
            <FormattedMessage id="escalations.status" values={{ status: view.status }} />
          </Badge>
        </Group>
        <Text size="sm" data-testid="escalation-reason">
          {view.requestedBy !== null ? (
            <FormattedMessage
              id="escalations.reopenBy"
              values={{ organisation: <bdi>{view.requestedBy}</bdi> }}
            />
          ) : (
            <FormattedMessage id="escalations.reason" values={{ reason: view.reason ?? 'other' }} />
          )}
        </Text>
        {view.since && (
          <Text size="sm" c="dimmed" data-testid="escalation-since">
            <FormattedMessage
              id="escalations.since"
              values={{ date: formatDateTime(intl, view.since) }}
            />
          </Text>
        )}
        <EscalationParties
          parties={cluster.parties}
          caption={intl.formatMessage({ id: 'escalations.parties' })}
        />
        <Anchor component={Link} to={`/clusters/${cluster.id}`} data-testid="escalation-open">
          <FormattedMessage id="escalations.open" />
        </Anchor>
      </Stack>
    </Paper>
  );
}
