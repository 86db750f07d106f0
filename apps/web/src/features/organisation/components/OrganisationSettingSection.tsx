import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Button, Radio, Stack, Text, Title } from '@mantine/core';
import type { AnyVariables } from '@urql/core';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useAction } from '../../../graphql/use-action';
import type { MessageId } from '../../../i18n/messages';
import { ActionError } from '../../../ui/ActionError';

/** One choice of an organisation setting, as a radio button. */
export interface SettingOption<Value extends string> {
  value: Value;
  label: MessageId;
  description?: MessageId;
}

/** The message ids a setting's section shows. */
export interface SettingMessages {
  title: MessageId;
  intro: MessageId;
  /** The radio group's label. */
  label: MessageId;
  save: MessageId;
  /** The status said once a change is saved. */
  saved: MessageId;
}

export interface OrganisationSettingSectionProps<
  Value extends string,
  Data,
  Variables extends AnyVariables,
> {
  testId: string;
  messages: SettingMessages;
  options: readonly SettingOption<Value>[];
  /** The saved value: null while it loads (nothing can be saved until then). */
  current: Value | null;
  /** The choice shown until the saved value has loaded. */
  initial: Value;
  mayEdit: boolean;
  /** Said instead of the save button to a viewer who may not change it. */
  readOnlyNote?: { message: MessageId; testId: string };
  /** The mutation that saves a choice (the hub may ask for a fresh second factor). */
  mutation: TypedDocumentNode<Data, Variables>;
  variables: (choice: Value) => Variables;
}

/**
 * An organisation setting chosen among a few options: everyone who sees it
 * reads the saved choice; a viewer who may change it picks another and
 * saves it, and is told once it is saved.
 */
export function OrganisationSettingSection<
  Value extends string,
  Data,
  Variables extends AnyVariables,
>({
  testId,
  messages,
  options,
  current,
  initial,
  mayEdit,
  readOnlyNote,
  mutation,
  variables,
}: OrganisationSettingSectionProps<Value, Data, Variables>) {
  const intl = useIntl();
  const save = useAction(mutation);
  const [choice, setChoice] = useState<Value>(initial);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current) setChoice(current);
  }, [current]);

  const submit = async () => {
    setSaved(false);
    const result = await save.run(variables(choice));
    if (result.data) setSaved(true);
  };

  return (
    <Stack gap="sm" data-testid={testId}>
      <Title order={2} size="h3">
        <FormattedMessage id={messages.title} />
      </Title>
      <Text size="sm">
        <FormattedMessage id={messages.intro} />
      </Text>
      <Radio.Group
        label={intl.formatMessage({ id: messages.label })}
        value={choice}
        onChange={(value) => {
          setSaved(false);
          setChoice(value as Value);
        }}
      >
        <Stack gap="xs" mt="xs">
          {options.map((option) => (
            <Radio
              key={option.value}
              value={option.value}
              disabled={!mayEdit}
              label={intl.formatMessage({ id: option.label })}
              description={option.description && intl.formatMessage({ id: option.description })}
            />
          ))}
        </Stack>
      </Radio.Group>
      {mayEdit ? (
        <>
          <ActionError error={save.error} onRetry={save.retry} />
          {saved && (
            <Text size="sm" role="status">
              <FormattedMessage id={messages.saved} />
            </Text>
          )}
          <Button
            onClick={() => void submit()}
            loading={save.fetching}
            disabled={current === null || choice === current}
            w="fit-content"
          >
            <FormattedMessage id={messages.save} />
          </Button>
        </>
      ) : (
        readOnlyNote && (
          <Text size="sm" c="dimmed" data-testid={readOnlyNote.testId}>
            <FormattedMessage id={readOnlyNote.message} />
          </Text>
        )
      )}
    </Stack>
  );
}
