import { Button, Group, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useNetworkState, useRequestRetry } from '../graphql/network-status';
import { OfflineIcon } from '../ui/icons';
import classes from './NetworkBanner.module.css';

/**
 * Tells people on bad connections why nothing is updating. The live region is
 * always in the page so that screen readers announce when the message appears.
 */
export function NetworkBanner() {
  const { online, serverUnreachable } = useNetworkState();
  const requestRetry = useRequestRetry();
  const problem = !online ? 'offline' : serverUnreachable ? 'unreachable' : null;

  return (
    <div role="status" aria-live="polite" data-testid="network-banner">
      {problem && (
        <Group
          className={classes.banner}
          gap="sm"
          wrap="nowrap"
          justify="space-between"
          data-problem={problem}
        >
          <Group gap="sm" wrap="nowrap">
            <OfflineIcon size={20} />
            <Text size="sm">
              <FormattedMessage
                id={problem === 'offline' ? 'network.offline' : 'network.unreachable'}
              />
            </Text>
          </Group>
          {problem === 'unreachable' && (
            <Button size="xs" variant="default" onClick={requestRetry}>
              <FormattedMessage id="error.retry" />
            </Button>
          )}
        </Group>
      )}
    </div>
  );
}
