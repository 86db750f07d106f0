import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';
import { AlertIcon } from '../../../ui/icons';
import { MappingTable } from './MappingTable';
import { MaskedSamples } from './MaskedSamples';
import { Stat } from './Stat';

interface Props {
  preview: ImportPreview;
  disabled: boolean;
  onRemap: (header: string, target: string) => void;
}

/** The dry run: what importing the file would do, computed on this device. */
export function PreviewPanel({ preview, disabled, onRemap }: Props) {
  const intl = useIntl();
  const n = (value: number) => intl.formatNumber(value);
  return (
    <Paper withBorder p="md" data-testid="import-preview">
      <Stack gap="md">
        <Title order={2} size="h3">
          <FormattedMessage id="import.previewTitle" />
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Stat label="import.records" value={preview.records} testId="preview-records" />
          <Stat label="import.keys" value={preview.keys} testId="preview-keys" />
          <Stat label="import.evaluations" value={preview.distinctKeys} testId="preview-distinct" />
          <Stat label="import.withoutKeys" value={preview.withoutKeys} testId="preview-without" />
        </SimpleGrid>
        {preview.duplicateIds > 0 && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            <Text size="sm">
              <FormattedMessage
                id="import.duplicates"
                values={{ count: n(preview.duplicateIds) }}
              />
            </Text>
          </Alert>
        )}
        {preview.tooManyNames > 0 && (
          <Alert
            color="yellow"
            variant="light"
            icon={<AlertIcon />}
            role="note"
            data-testid="preview-too-many-names"
          >
            <Text size="sm">
              <FormattedMessage
                id="import.tooManyNames"
                values={{ count: n(preview.tooManyNames) }}
              />
            </Text>
          </Alert>
        )}
        {!preview.hasIdColumn && (
          <Alert color="yellow" variant="light" icon={<AlertIcon />} role="note">
            <Text size="sm">
              <FormattedMessage id="import.noIdColumn" />
            </Text>
          </Alert>
        )}
        {preview.unreadable.length > 0 && (
          <Text size="sm">
            <FormattedMessage
              id="import.unreadable"
              values={{ lines: intl.formatList(preview.unreadable.map(String), { type: 'unit' }) }}
            />
          </Text>
        )}
        {preview.skipped > 0 && (
          <Text size="sm">
            <FormattedMessage id="import.skipped" values={{ count: n(preview.skipped) }} />
          </Text>
        )}
        {preview.mapping && (
          <MappingTable
            mapping={preview.mapping}
            targets={preview.targets}
            disabled={disabled}
            onRemap={onRemap}
          />
        )}
        {preview.samples.length > 0 && <MaskedSamples samples={preview.samples} />}
      </Stack>
    </Paper>
  );
}
