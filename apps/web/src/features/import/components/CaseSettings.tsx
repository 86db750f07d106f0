import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import { CaseTagsFields, type CaseTags } from '../../cases/components/CaseTagsFields';

interface Props {
  tags: CaseTags;
  prefix: string;
  prefixValid: boolean;
  /** Why the prefix is refused (default: not a valid label); the organisation's pattern, if any. */
  prefixProblem?: MessageId | null;
  referencePattern?: string | null;
  canStart: boolean;
  /** Why the button is disabled, said next to it. */
  blockedReason?: MessageId | null;
  onTags: (tags: CaseTags) => void;
  onPrefix: (prefix: string) => void;
  onStart: () => void;
}

/** Status, tags and reference prefix of every case of the import, and the start button. */
export function CaseSettings({
  tags,
  prefix,
  prefixValid,
  prefixProblem = null,
  referencePattern = null,
  canStart,
  blockedReason = null,
  ...on
}: Props) {
  const intl = useIntl();
  const blockedId = useId();
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
          error={
            prefixValid
              ? undefined
              : intl.formatMessage(
                  { id: prefixProblem ?? 'cases.referenceInvalid' },
                  { pattern: referencePattern ?? '' },
                )
          }
          maxLength={70}
          maw={320}
          dir="ltr"
        />
        <Group>
          <Button
            onClick={on.onStart}
            disabled={!canStart}
            aria-describedby={!canStart && blockedReason ? blockedId : undefined}
            data-testid="import-start"
          >
            <FormattedMessage id="import.start" />
          </Button>
          {!canStart && blockedReason && (
            <Text size="sm" id={blockedId} data-testid="import-blocked">
              <FormattedMessage id={blockedReason} />
            </Text>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}
