import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useViewer } from '../../auth/hooks/session';
import { UnlockKeys } from '../../auth/components/UnlockKeys';
import { useUnlockedKeys } from '../../../crypto/key-store';
import type { ClusterQuery } from '../../../gql/graphql';
import { AlertIcon } from '../../../ui/icons';
import { useConversation } from '../hooks/useConversation';
import { ConversationComposer } from './ConversationComposer';
import { ConversationMessages } from './ConversationMessages';

type Cluster = ClusterQuery['cluster'];

function ConversationTitle() {
  return (
    <Title order={2} size="h3" id="cluster-conversation-title">
      <FormattedMessage id="conversation.title" />
    </Title>
  );
}

/** The open conversation: needs the user's private keys, to open and seal messages on this device. */
function UnlockedConversation({ cluster }: { cluster: Cluster }) {
  const conversation = useConversation(cluster);
  const names = useMemo(
    () => new Map(cluster.parties.map((p) => [p.organisationId, p.organisationName])),
    [cluster.parties],
  );
  return (
    <Stack gap="sm">
      {conversation.error && (
        <Alert color="red" variant="light" role="alert" data-testid="conversation-error">
          <FormattedMessage id="conversation.loadFailed" />
        </Alert>
      )}
      <ConversationMessages entries={conversation.entries} organisationNames={names} />
      {cluster.viewerAccess === 'party' ? (
        <>
          <ConversationComposer send={conversation.send} />
          {conversation.send.error && (
            <Alert
              color="red"
              variant="light"
              icon={<AlertIcon />}
              role="alert"
              data-testid="conversation-send-error"
            >
              <FormattedMessage id={conversation.send.error} />
            </Alert>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed" data-testid="conversation-read-only">
          <FormattedMessage id="conversation.readOnly" />
        </Text>
      )}
    </Stack>
  );
}

/**
 * The cluster's end-to-end encrypted conversation between its parties.
 * Coordinators never see it (the hub seals nothing to them but arrangement
 * notes); they are told so instead.
 */
export function Conversation({ cluster }: { cluster: Cluster }) {
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby="cluster-conversation-title"
      data-testid="conversation"
    >
      <ConversationTitle />
      {cluster.viewerAccess === 'coordinator' ? (
        <Text size="sm" data-testid="conversation-private">
          <FormattedMessage id="conversation.privateToParties" />
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="conversation.intro" />
          </Text>
          {keys ? <UnlockedConversation cluster={cluster} /> : <UnlockKeys />}
        </>
      )}
    </Stack>
  );
}
