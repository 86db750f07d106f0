import { Button, Group, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useNetworkState, usePendingMutations, useRequestRetry } from '../graphql/network-status';
import { OfflineIcon } from '../ui/icons';
import classes from './NetworkBanner.module.css';

/**
 * Tells people on bad connections why nothing is updating, and which of
 * their changes are waiting to be sent (they are resent on their own). The
 * live region is always in the page so that screen readers announce when
 * the message appears.
 */
export function NetworkBanner() {
  const { online, serverUnreachable } = useNetworkState();
  const pending = usePendingMutations();
  const requestRetry = useRequestRetry();
  const problem = !online ? 'offline' : serverUnreachable ? 'unreachable' : null;

  return (
    <div role="status" aria-live="polite" data-testid="network-banner">
      {(problem || pending.length > 0) && (
        <div className={classes.banner} data-problem={problem ?? 'pending'}>
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap">
              <OfflineIcon size={20} />
              <Text size="sm">
                {problem ? (
                  <FormattedMessage
                    id={problem === 'offline' ? 'network.offline' : 'network.unreachable'}
                  />
                ) : (
                  <FormattedMessage id="network.pendingHint" />
                )}
              </Text>
            </Group>
            {online && (
              <Button size="xs" variant="default" onClick={requestRetry}>
                <FormattedMessage id="error.retry" />
              </Button>
            )}
          </Group>
          {pending.length > 0 && (
            <div className={classes.pending} data-testid="pending-changes">
              <Text size="sm" fw={600}>
                <FormattedMessage id="network.pending" values={{ count: pending.length }} />
              </Text>
              <ul className={classes.list}>
                {pending.map((item) => (
                  <li key={item.key}>
                    <FormattedMessage id={item.labelId} />
                  </li>
                ))}
              </ul>
              {problem && (
                <Text size="sm">
                  <FormattedMessage id="network.pendingHint" />
                </Text>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
