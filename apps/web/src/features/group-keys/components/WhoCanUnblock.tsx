import { Button, Group, List, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import {
  AskForGroupKeyDocument,
  KeyUnblockersDocument,
  type KeyUnblockersFieldsFragment,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import type { MessageId } from '../../../i18n/messages';
import { ActionError } from '../../../ui/ActionError';
import { formatDateTime } from '../../../ui/format';

type Answer = KeyUnblockersFieldsFragment;

/** What the people listed have to do, in words that say it. */
function titleId(answer: Answer, role: string | null): MessageId {
  switch (answer.reason) {
    case 'no_epoch':
      return 'groupKey.unblockers.noEpoch';
    case 'uncertified':
      return role === 'org_admin'
        ? 'groupKey.unblockers.adminUncertified'
        : 'groupKey.unblockers.memberUncertified';
    default:
      return 'groupKey.unblockers.awaitingCopy';
  }
}

/**
 * For a user waiting for a group's key: who can unblock them (as the hub
 * sees it: their org admins, the coordinators, or the key's holders) and an
 * "Ask them" button that notifies those people, at most once an hour.
 */
export function WhoCanUnblock({
  workingGroupId,
  role,
}: {
  workingGroupId: string;
  /** The viewer's role: an org admin is verified by a coordinator, others by their admin. */
  role: string | null;
}) {
  const intl = useIntl();
  const [{ data }] = useQuery({
    query: KeyUnblockersDocument,
    variables: { workingGroupId },
    requestPolicy: 'cache-and-network',
  });
  const ask = useAction(AskForGroupKeyDocument);
  const answer = ask.data?.askForGroupKey ?? data?.keyUnblockers;
  // A helper, not the main message: while it loads or if it fails, the notice says enough.
  if (!answer || answer.reason === 'has_key') return null;

  return (
    <Stack gap={4} data-testid="key-unblockers" data-reason={answer.reason}>
      <Text size="sm" fw={600}>
        <FormattedMessage id={titleId(answer, role)} />
      </Text>
      {answer.people.length === 0 ? (
        <Text size="sm" data-testid="key-unblockers-none">
          <FormattedMessage id="groupKey.unblockers.nobody" />
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {answer.people.map((p) => (
            <List.Item key={p.userId} data-testid="key-unblocker" data-user={p.userId}>
              <bdi>{p.displayName}</bdi>
              {p.organisationName && (
                <>
                  {' — '}
                  <bdi>{p.organisationName}</bdi>
                </>
              )}
              {p.isCoordinator && (
                <>
                  {' · '}
                  <FormattedMessage id="groupKey.unblockers.coordinator" />
                </>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {answer.people.length > 0 && (
        <Group gap="sm">
          {answer.askedAt ? (
            <Text size="sm" c="dimmed" role="status" data-testid="key-unblockers-asked">
              <FormattedMessage
                id="groupKey.unblockers.asked"
                values={{
                  at: formatDateTime(intl, answer.askedAt),
                  again: formatDateTime(intl, answer.canAskAgainAt),
                }}
              />
            </Text>
          ) : (
            <Button
              size="xs"
              variant="light"
              loading={ask.fetching}
              onClick={() => void ask.run({ workingGroupId })}
              data-testid="key-unblockers-ask"
            >
              <FormattedMessage id="groupKey.unblockers.ask" />
            </Button>
          )}
        </Group>
      )}
      <ActionError error={ask.error} onRetry={ask.retry} />
    </Stack>
  );
}
