import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { AlertIcon } from './icons';

/**
 * A single-use link (invitation, access reset) shown once: the hub keeps only
 * a hash of its token, so it cannot be displayed again.
 */
export function OneTimeLink({ path, onDismiss }: { path: string; onDismiss: () => void }) {
  const intl = useIntl();
  const url = `${window.location.origin}${path}`;
  return (
    <Alert color="yellow" variant="light" icon={<AlertIcon />} data-testid="one-time-link">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          <FormattedMessage id="link.shownOnce" />
        </Text>
        <TextInput
          label={intl.formatMessage({ id: 'link.label' })}
          value={url}
          readOnly
          dir="ltr"
          data-testid="invitation-link"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Text size="sm">
          <FormattedMessage id="link.howToShare" />
        </Text>
        <Group gap="sm">
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} color={copied ? 'teal' : undefined}>
                <FormattedMessage id={copied ? 'link.copied' : 'link.copy'} />
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDismiss}>
            <FormattedMessage id="link.done" />
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
