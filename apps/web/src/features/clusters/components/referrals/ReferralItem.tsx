import { Badge, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ReferralActions } from '../../hooks/useReferralActions';
import { partyName, type ClusterView, type ReferralView } from '../../utils/cluster-view';
import { formatDay } from '../../utils/deadline';
import { ReferralHistory } from './ReferralHistory';
import { ReferralStatusControl } from './ReferralStatusControl';

/** One referral: to whom, when, what, where it stands, how it got there. */
export function ReferralItem({
  cluster,
  referral,
  actions,
  mayUpdate,
}: {
  cluster: Pick<ClusterView, 'id' | 'workingGroupId' | 'parties'>;
  referral: ReferralView;
  actions: ReferralActions;
  mayUpdate: boolean;
}) {
  const intl = useIntl();
  const [updating, setUpdating] = useState(false);
  const by =
    partyName(cluster, referral.organisationId) ??
    intl.formatMessage({ id: 'arrangement.unknownOrganisation' });
  return (
    <Card
      withBorder
      padding="sm"
      component="li"
      data-testid="referral"
      data-referral-id={referral.id}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {referral.authorityName}
          </Text>
          <Group gap={4}>
            <Badge variant="light" data-testid="referral-status">
              <FormattedMessage id="referral.status" values={{ status: referral.status }} />
            </Badge>
            {referral.reminderDue && (
              <Badge color="orange" variant="light" data-testid="referral-reminder">
                <FormattedMessage id="referral.reminderDue" />
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">
          <FormattedMessage
            id="referral.referredBy"
            values={{ organisation: by, date: formatDay(intl, referral.referredOn) }}
          />
        </Text>
        <Group gap={4} data-testid="referral-categories">
          {referral.categories.map((category) => (
            <Badge key={category} size="sm" variant="default">
              <FormattedMessage id="referral.category" values={{ category }} />
            </Badge>
          ))}
        </Group>
        <ReferralHistory cluster={cluster} referral={referral} />
        {mayUpdate && referral.nextStatuses.length > 0 && (
          <Box>
            {updating ? (
              <ReferralStatusControl
                referral={referral}
                actions={actions}
                onDone={() => setUpdating(false)}
              />
            ) : (
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  actions.reset();
                  setUpdating(true);
                }}
              >
                <FormattedMessage id="referral.updateStatus" />
              </Button>
            )}
          </Box>
        )}
      </Stack>
    </Card>
  );
}
