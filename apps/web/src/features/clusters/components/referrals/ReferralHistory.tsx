import { Box, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { useArrangementNoteTexts } from '../../hooks/useArrangementNotes';
import { partyName, type ClusterView, type ReferralView } from '../../utils/cluster-view';
import { formatDay } from '../../utils/deadline';

/** The statuses a referral went through, oldest first, as a vertical stepper. */
export function ReferralHistory({
  cluster,
  referral,
}: {
  cluster: Pick<ClusterView, 'id' | 'workingGroupId' | 'parties'>;
  referral: ReferralView;
}) {
  const intl = useIntl();
  const { texts: notes } = useArrangementNoteTexts(
    { clusterId: cluster.id, workingGroupId: cluster.workingGroupId },
    referral.history.flatMap((e) => (e.noteMessageId ? [e.noteMessageId] : [])),
  );
  const steps = [...referral.history].sort((a, b) => a.version - b.version);
  return (
    <Box
      component="ol"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label={intl.formatMessage({ id: 'referral.historyLabel' })}
      data-testid="referral-history"
    >
      {steps.map((step, index) => {
        const note = step.noteMessageId ? notes.get(step.noteMessageId) : undefined;
        const current = index === steps.length - 1;
        return (
          <Box
            component="li"
            key={step.version}
            aria-current={current ? 'step' : undefined}
            pb={4}
            style={{
              borderInlineStart: `3px solid var(--mantine-color-${current ? 'blue-6' : 'gray-4'})`,
              paddingInlineStart: 'var(--mantine-spacing-xs)',
            }}
          >
            <Text size="sm" fw={current ? 600 : 400}>
              <FormattedMessage
                id="referral.step"
                values={{
                  status: step.status,
                  date: formatDay(intl, String(step.statusOn)),
                  organisation:
                    partyName(cluster, step.actorOrganisationId) ??
                    intl.formatMessage({ id: 'arrangement.unknownOrganisation' }),
                }}
              />
            </Text>
            {step.noteMessageId && note !== undefined && (
              <Text
                size="sm"
                c="dimmed"
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              >
                {note}
              </Text>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
