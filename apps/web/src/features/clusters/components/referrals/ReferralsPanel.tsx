import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ActionError } from '../../../../ui/ActionError';
import { useViewer } from '../../../auth/hooks/session';
import { useReferralActions } from '../../hooks/useReferralActions';
import type { ClusterData } from '../../utils/cluster-view';
import { mayRefer } from '../../utils/referral-rights';
import { RecordReferralForm } from './RecordReferralForm';
import { ReferralItem } from './ReferralItem';

const STALE = { REFERRAL_VERSION_STALE: 'referral.stale' } as const;

/**
 * The cluster's referrals to authorities. Every party and the coordinators
 * read them; only an organisation the roles in force allow (lead, co-lead,
 * "may refer") records one or moves one on.
 */
export function ReferralsPanel({
  cluster,
  onChanged,
}: {
  cluster: ClusterData;
  onChanged: () => void;
}) {
  const titleId = useId();
  const viewer = useViewer();
  const actions = useReferralActions(cluster, onChanged);
  const [recording, setRecording] = useState(false);
  const allowed = mayRefer(cluster, viewer.user.organisationId);

  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="referrals-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            <FormattedMessage id="referral.title" />
          </Title>
          {allowed && !recording && (
            <Button
              size="xs"
              onClick={() => {
                actions.reset();
                setRecording(true);
              }}
              data-testid="referral-new"
            >
              <FormattedMessage id="referral.record" />
            </Button>
          )}
        </Group>
        {!allowed && cluster.viewerAccess === 'party' && (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="referral.notAllowed" />
          </Text>
        )}
        {recording && <RecordReferralForm actions={actions} onDone={() => setRecording(false)} />}
        {actions.sealProblem && (
          <Alert color="red" variant="light" role="alert">
            <FormattedMessage id={actions.sealProblem} />
          </Alert>
        )}
        <ActionError error={actions.error} messages={STALE} />
        {cluster.referrals.length === 0 ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="referral.none" />
          </Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {cluster.referrals.map((referral) => (
              <ReferralItem
                key={referral.id}
                cluster={cluster}
                referral={referral}
                actions={actions}
                mayUpdate={allowed}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
