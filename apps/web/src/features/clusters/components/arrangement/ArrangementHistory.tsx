import { Box, Stack, Text, Title } from '@mantine/core';
import type { IntlShape } from 'react-intl';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatDateTime } from '../../../../ui/format';
import { useArrangementNoteTexts } from '../../hooks/useArrangementNotes';
import { partyName, type ArrangementEventView, type ClusterView } from '../../utils/cluster-view';
import { RoleList } from './RoleList';

function actorName(
  intl: IntlShape,
  cluster: Pick<ClusterView, 'parties'>,
  event: ArrangementEventView,
) {
  if (event.byCoordinator) return intl.formatMessage({ id: 'arrangement.actorCoordinator' });
  if (!event.actorOrganisationId) return intl.formatMessage({ id: 'arrangement.actorHub' });
  return (
    partyName(cluster, event.actorOrganisationId) ??
    intl.formatMessage({ id: 'arrangement.unknownOrganisation' })
  );
}

/**
 * Every step of the arrangement, oldest first, with who did it and when; a
 * note is shown in clear only on a device that holds a copy of it.
 */
export function ArrangementHistory({
  cluster,
  history,
}: {
  cluster: Pick<ClusterView, 'id' | 'workingGroupId' | 'parties'>;
  history: readonly ArrangementEventView[];
}) {
  const intl = useIntl();
  const noteIds = history.flatMap((e) => (e.noteMessageId ? [e.noteMessageId] : []));
  const { ready, texts: notes } = useArrangementNoteTexts(
    { clusterId: cluster.id, workingGroupId: cluster.workingGroupId },
    noteIds,
  );
  const events = [...history].sort((a, b) => a.version - b.version);
  if (events.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        <FormattedMessage id="arrangement.historyTitle" />
      </Title>
      <Box
        component="ol"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        data-testid="arrangement-history"
      >
        {events.map((event) => {
          const note = event.noteMessageId ? notes.get(event.noteMessageId) : undefined;
          return (
            <Box
              component="li"
              key={event.id}
              data-testid="arrangement-event"
              data-kind={event.kind}
              pb="sm"
              style={{
                borderInlineStart: '2px solid var(--mantine-color-gray-4)',
                paddingInlineStart: 'var(--mantine-spacing-sm)',
              }}
            >
              <Text size="sm" fw={500}>
                <FormattedMessage
                  id="arrangement.event"
                  values={{ kind: event.kind, actor: actorName(intl, cluster, event) }}
                />
                {event.proposalNumber ? (
                  <>
                    {' '}
                    <FormattedMessage
                      id="arrangement.eventProposal"
                      values={{ number: event.proposalNumber }}
                    />
                  </>
                ) : null}
              </Text>
              <Text size="xs" c="dimmed">
                <time dateTime={event.at}>{formatDateTime(intl, event.at)}</time>
              </Text>
              {event.roles && event.roles.length > 0 && (
                <RoleList cluster={cluster} roles={event.roles} />
              )}
              {event.noteMessageId && (
                <Text
                  size="sm"
                  c={note === undefined ? 'dimmed' : undefined}
                  fs={note === undefined ? 'italic' : undefined}
                  data-testid="arrangement-note"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {note !== undefined ? (
                    note
                  ) : (
                    <FormattedMessage
                      id={ready ? 'arrangement.noteUnreadable' : 'arrangement.noteKeysLocked'}
                    />
                  )}
                </Text>
              )}
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}
