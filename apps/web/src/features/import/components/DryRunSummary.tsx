import { Alert, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { estimateImport } from '@parallax/hub-client';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';
import { AlertIcon } from '../../../ui/icons';
import { formatDurationRange, formatFileSize } from '../utils/duration';
import { Stat } from './Stat';

interface Props {
  preview: ImportPreview;
  file: { name: string; size: number } | null;
  distinctOnly: boolean;
  disabled: boolean;
  onDistinctOnly: (value: boolean) => void;
}

/** An estimate above this warns that the page must stay open (ms). */
const LONG_IMPORT_MS = 10 * 60_000;

/**
 * Before the run: how big the import is, the persons the file repeats (the
 * default imports each once), and how long it should take.
 */
export function DryRunSummary({ preview, file, distinctOnly, disabled, onDistinctOnly }: Props) {
  const intl = useIntl();
  const n = (value: number) => intl.formatNumber(value);
  const { duplicates } = preview;
  const records = distinctOnly ? duplicates.distinct : preview.records;
  const estimate = estimateImport({ records, clientMsPerRecord: preview.clientMsPerRecord });
  const idProblems = distinctOnly ? duplicates.conflictingIds : duplicates.repeatedIds;
  const examples = duplicates.groups.map((g) =>
    intl.formatMessage(
      { id: 'import.duplicateGroup' },
      {
        first: n(g.first),
        repeats: intl.formatList(
          [...g.repeats.map(n), ...(g.count > g.repeats.length ? ['…'] : [])],
          {
            type: 'unit',
          },
        ),
      },
    ),
  );
  return (
    <Paper withBorder p="md" data-testid="import-dry-run">
      <Stack gap="md">
        <Title order={2} size="h3">
          <FormattedMessage id="import.dryRunTitle" />
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {file && (
            <Stack gap={0}>
              <Text size="sm" c="dimmed">
                <FormattedMessage id="import.fileSize" />
              </Text>
              <Text fz="xl" fw={700} data-testid="dry-run-size" data-value={file.size}>
                {formatFileSize(intl, file.size)}
              </Text>
            </Stack>
          )}
          <Stat
            label="import.distinctPersons"
            value={duplicates.distinct}
            testId="dry-run-distinct"
          />
          <Stat
            label="import.duplicateRecords"
            value={duplicates.duplicates}
            testId="dry-run-duplicates"
          />
          <Stack gap={0}>
            <Text size="sm" c="dimmed">
              <FormattedMessage id="import.estimate" />
            </Text>
            <Text
              fz="xl"
              fw={700}
              data-testid="dry-run-estimate"
              data-low={Math.round(estimate.lowMs)}
              data-high={Math.round(estimate.highMs)}
            >
              {formatDurationRange(intl, estimate)}
            </Text>
          </Stack>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          <FormattedMessage id="import.estimateHint" />
        </Text>
        {duplicates.duplicates > 0 && (
          <>
            <Text size="sm">
              <FormattedMessage
                id="import.duplicatesFound"
                values={{
                  count: n(duplicates.duplicates),
                  examples: intl.formatList(examples, { type: 'unit' }),
                }}
              />
            </Text>
            <Radio.Group
              value={distinctOnly ? 'distinct' : 'all'}
              onChange={(value) => onDistinctOnly(value === 'distinct')}
            >
              <Stack gap="xs">
                <Radio
                  value="distinct"
                  disabled={disabled}
                  data-testid="import-distinct-only"
                  label={intl.formatMessage(
                    { id: 'import.onlyDistinct' },
                    { count: n(duplicates.distinct) },
                  )}
                />
                <Radio
                  value="all"
                  disabled={disabled}
                  data-testid="import-all-records"
                  label={intl.formatMessage(
                    { id: 'import.allRecords' },
                    { count: n(preview.records) },
                  )}
                />
              </Stack>
            </Radio.Group>
          </>
        )}
        {idProblems > 0 && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            <Text size="sm">
              <FormattedMessage id="import.duplicates" values={{ count: n(idProblems) }} />
            </Text>
          </Alert>
        )}
        {estimate.highMs > LONG_IMPORT_MS && (
          <Alert color="yellow" variant="light" icon={<AlertIcon />} role="note">
            <Text size="sm">
              <FormattedMessage id="import.longImport" />
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
