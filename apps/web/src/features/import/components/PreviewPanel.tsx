import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';
import { AlertIcon } from '../../../ui/icons';
import { FILE_PROBLEM_MESSAGES } from '../utils/problem-text';
import { ImportProblems } from './ImportProblems';
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
  if (preview.fileProblem !== null)
    return <FileProblem preview={preview} {...{ disabled, onRemap }} />;
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
        {/* Repeated ids are reported by DryRunSummary: whether they block depends on skipping repeats. */}
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
        <ImportProblems problems={preview.rowProblems} />
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

/**
 * A file nothing can be imported from: its one problem, and nothing else
 * (no counts of zero, no warnings about columns of a file that was not
 * read) — except the columns when the fix is to choose a name column.
 */
function FileProblem({ preview, disabled, onRemap }: Props) {
  const problem = preview.fileProblem;
  if (problem === null) return null;
  return (
    <Paper withBorder p="md" data-testid="import-preview">
      <Stack gap="md">
        <Alert
          color="red"
          variant="light"
          icon={<AlertIcon />}
          role="alert"
          data-testid="import-file-problem"
        >
          <Text size="sm" data-problem={problem}>
            <FormattedMessage id={FILE_PROBLEM_MESSAGES[problem]} />
          </Text>
        </Alert>
        {problem === 'no_name_column' && preview.mapping && (
          <MappingTable
            mapping={preview.mapping}
            targets={preview.targets}
            disabled={disabled}
            onRemap={onRemap}
          />
        )}
      </Stack>
    </Paper>
  );
}
