import { Alert, Fieldset, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ImportFormat } from '../../fingerprinting/utils/protocol';
import { useCountryOptions } from '../../../ui/countries';
import { AlertIcon } from '../../../ui/icons';
import { GroupKeyNotice } from '../../cases/components/GroupKeyNotice';
import type { ImportSettings } from '../hooks/useImportSettings';
import { ACCEPTED_FILES } from '../utils/file-format';

interface Props {
  groups: ReadonlyArray<{ id: string; name: string }>;
  settings: ImportSettings;
  busy: boolean;
  reading: boolean;
  readFailed: boolean;
  onGroup: (groupId: string) => void;
  onFile: (file: File) => void;
  onFormat: (format: ImportFormat) => void;
  onCountry: (country: string) => void;
}

/** Where to import, the file, how to read it. */
export function FileSection({ groups, settings, busy, reading, readFailed, ...on }: Props) {
  const intl = useIntl();
  const countries = useCountryOptions();
  const fileId = useId();
  return (
    <Fieldset legend={intl.formatMessage({ id: 'import.fileSection' })}>
      <Stack gap="md">
        <NativeSelect
          label={intl.formatMessage({ id: 'cases.workingGroup' })}
          value={settings.groupId}
          onChange={(event) => on.onGroup(event.currentTarget.value)}
          data={groups.map((g) => ({ value: g.id, label: g.name }))}
          disabled={busy}
          maw={520}
        />
        <GroupKeyNotice workingGroupId={settings.groupId} />
        <Input.Wrapper
          id={fileId}
          label={intl.formatMessage({ id: 'import.file' })}
          description={intl.formatMessage({ id: 'import.fileHint' })}
        >
          <div>
            <input
              id={fileId}
              type="file"
              accept={ACCEPTED_FILES}
              disabled={busy}
              onChange={(event) => {
                const chosen = event.currentTarget.files?.[0];
                if (chosen) on.onFile(chosen);
              }}
              data-testid="import-file"
            />
          </div>
        </Input.Wrapper>
        <NativeSelect
          label={intl.formatMessage({ id: 'import.format' })}
          value={settings.format}
          onChange={(event) => on.onFormat(event.currentTarget.value as ImportFormat)}
          data={[
            { value: 'csv', label: intl.formatMessage({ id: 'import.formatCsv' }) },
            { value: 'jsonl', label: intl.formatMessage({ id: 'import.formatJsonl' }) },
          ]}
          disabled={busy}
          maw={320}
        />
        <NativeSelect
          label={intl.formatMessage({ id: 'person.defaultCountry' })}
          description={intl.formatMessage({ id: 'person.defaultCountryHint' })}
          value={settings.country}
          onChange={(event) => on.onCountry(event.currentTarget.value)}
          data={[
            { value: '', label: intl.formatMessage({ id: 'person.noCountry' }) },
            ...countries,
          ]}
          disabled={busy}
          maw={520}
        />
        {reading && (
          <Text size="sm" role="status">
            <FormattedMessage id="import.reading" />
          </Text>
        )}
        {readFailed && (
          <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
            <Text size="sm">
              <FormattedMessage id="import.readFailed" />
            </Text>
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
