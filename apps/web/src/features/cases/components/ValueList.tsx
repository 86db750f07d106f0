import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import { CloseIcon, PlusIcon } from '../../../ui/icons';

export interface ValueListProps {
  legend: MessageId;
  /** One value's label, numbered: "Name 1", "Name 2"… */
  item: MessageId;
  add: MessageId;
  hint?: MessageId;
  values: string[];
  onChange: (values: string[]) => void;
  /** An error message for a value, or null. */
  validate?: (value: string) => MessageId | null;
  /** Names and free text: the browser picks the direction per value (Arabic, Latin…). */
  dir?: 'auto' | 'ltr';
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  /** Rendered instead of a text input (e.g. a country list). */
  renderInput?: (props: {
    label: string;
    value: string;
    onChange: (value: string) => void;
  }) => ReactNode;
  testId?: string;
}

/** Several values of one kind (names, dates, numbers…): add, edit and remove rows. */
export function ValueList({
  legend,
  item,
  add,
  hint,
  values,
  onChange,
  validate,
  dir = 'ltr',
  type = 'text',
  inputMode,
  renderInput,
  testId,
}: ValueListProps) {
  const intl = useIntl();
  const set = (index: number, value: string) =>
    onChange(values.map((v, i) => (i === index ? value : v)));
  const remove = (index: number) => onChange(values.filter((_, i) => i !== index));
  return (
    <Fieldset legend={intl.formatMessage({ id: legend })} variant="unstyled" data-testid={testId}>
      <Stack gap="xs">
        {hint && (
          <Text size="sm" c="dimmed">
            <FormattedMessage id={hint} />
          </Text>
        )}
        {values.map((value, index) => {
          const label = intl.formatMessage(
            { id: 'person.numbered' },
            { label: intl.formatMessage({ id: item }), number: index + 1 },
          );
          const error = validate && value.trim() ? validate(value) : null;
          return (
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              {renderInput ? (
                renderInput({ label, value, onChange: (v) => set(index, v) })
              ) : (
                <TextInput
                  label={label}
                  value={value}
                  onChange={(event) => set(index, event.currentTarget.value)}
                  dir={dir}
                  type={type}
                  inputMode={inputMode}
                  autoComplete="off"
                  spellCheck={false}
                  error={error ? intl.formatMessage({ id: error }) : undefined}
                  style={{ flex: 1 }}
                  maw={520}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                mb={error ? 22 : 0}
                onClick={() => remove(index)}
                aria-label={intl.formatMessage({ id: 'person.removeValue' }, { label })}
              >
                <CloseIcon size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<PlusIcon size={14} />}
            onClick={() => onChange([...values, ''])}
          >
            <FormattedMessage id={add} />
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
