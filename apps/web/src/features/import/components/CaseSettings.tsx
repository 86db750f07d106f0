import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { CaseTagsFields, type CaseTags } from '../../cases/components/CaseTagsFields';

interface Props {
  tags: CaseTags;
  prefix: string;
  prefixValid: boolean;
  canStart: boolean;
  onTags: (tags: CaseTags) => void;
  onPrefix: (prefix: string) => void;
  onStart: () => void;
}

/** Status, tags and reference prefix of every case of the import, and the start button. */
export function CaseSettings({ tags, prefix, prefixValid, canStart, ...on }: Props) {
  const intl = useIntl();
  return (
    <Fieldset legend={intl.formatMessage({ id: 'import.settingsSection' })}>
      <Stack gap="md">
        <Text size="sm">
          <FormattedMessage id="import.settingsIntro" />
        </Text>
        <CaseTagsFields value={tags} onChange={on.onTags} />
        <TextInput
          label={intl.formatMessage({ id: 'import.prefix' })}
          description={intl.formatMessage(
            { id: 'import.prefixHint' },
            { example: `${prefix}7K2Q9D4XHM` },
          )}
          value={prefix}
          onChange={(event) => on.onPrefix(event.currentTarget.value)}
          error={prefixValid ? undefined : intl.formatMessage({ id: 'cases.referenceInvalid' })}
          maxLength={70}
          maw={320}
          dir="ltr"
        />
        <Group>
          <Button onClick={on.onStart} disabled={!canStart} data-testid="import-start">
            <FormattedMessage id="import.start" />
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
