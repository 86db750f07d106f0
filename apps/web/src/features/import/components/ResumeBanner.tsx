import { Alert, Button, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { AlertIcon } from '../../../ui/icons';
import type { SavedImport } from '../utils/saved-import';

interface Props {
  saved: SavedImport;
  /** Another file was chosen: it is not read, the saved import stays. */
  otherFile: boolean;
  onDiscard: () => void;
}

/** An import a previous page left unfinished: choose its file to continue, or discard it. */
export function ResumeBanner({ saved, otherFile, onDiscard }: Props) {
  const intl = useIntl();
  return (
    <Alert
      color={otherFile ? 'red' : 'blue'}
      variant="light"
      icon={<AlertIcon />}
      role={otherFile ? 'alert' : 'status'}
      data-testid="import-saved"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          <FormattedMessage
            id="import.savedRun"
            values={{
              name: saved.file.name,
              done: intl.formatNumber(saved.next),
              total: intl.formatNumber(saved.total),
            }}
          />
        </Text>
        {otherFile && (
          <Text size="sm" data-testid="import-saved-other">
            <FormattedMessage id="import.savedRunOther" values={{ name: saved.file.name }} />
          </Text>
        )}
        <Button variant="subtle" size="compact-sm" onClick={onDiscard}>
          <FormattedMessage id="import.discard" />
        </Button>
      </Stack>
    </Alert>
  );
}
