import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { CSV_IDENTIFIER_TYPES } from '../../fingerprinting/utils/engine-constants';
import { CloseIcon, PlusIcon } from '../../../ui/icons';
import { matchKindLabel } from '../../overlaps/utils/match-kinds';
import type { PersonFormValues } from '../utils/person-form';

/** Kinds of "other identifier" offered, as the fingerprint schema names them. */
const IDENTIFIER_KINDS: ReadonlyArray<{ type: string; kind: string }> = CSV_IDENTIFIER_TYPES.map(
  (type) => ({
    type,
    kind:
      type === 'whatsapp'
        ? 'phone'
        : ['plate', 'aircraft', 'wallet', 'iban', 'imei', 'vin'].includes(type)
          ? `id.${type}`
          : `handle.${type}`,
  }),
);

/** Typed identifiers (handles, plates, wallets…): a kind and a value per row. */
export function OtherIdentifiersFields({
  value,
  onChange,
}: {
  value: PersonFormValues;
  onChange: (value: PersonFormValues) => void;
}) {
  const intl = useIntl();
  return (
    <Fieldset
      legend={intl.formatMessage({ id: 'person.otherIdentifiers' })}
      variant="unstyled"
      data-testid="person-identifiers"
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          <FormattedMessage id="person.otherIdentifiersHint" />
        </Text>
        {value.identifiers.map((identifier, index) => {
          const number = index + 1;
          const update = (patch: Partial<typeof identifier>) =>
            onChange({
              ...value,
              identifiers: value.identifiers.map((v, i) => (i === index ? { ...v, ...patch } : v)),
            });
          const valueLabel = intl.formatMessage({ id: 'person.identifierValue' }, { number });
          return (
            <Group key={index} gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                label={intl.formatMessage({ id: 'person.identifierType' }, { number })}
                value={identifier.type}
                onChange={(event) => update({ type: event.currentTarget.value })}
                data={IDENTIFIER_KINDS.map(({ type, kind }) => ({
                  value: type,
                  label: type === 'whatsapp' ? 'WhatsApp' : matchKindLabel(intl, kind),
                }))}
                w={220}
              />
              <TextInput
                label={valueLabel}
                value={identifier.value}
                onChange={(event) => update({ value: event.currentTarget.value })}
                dir="ltr"
                autoComplete="off"
                spellCheck={false}
                style={{ flex: 1 }}
                miw={200}
                maw={400}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={() =>
                  onChange({
                    ...value,
                    identifiers: value.identifiers.filter((_, i) => i !== index),
                  })
                }
                aria-label={intl.formatMessage({ id: 'person.removeValue' }, { label: valueLabel })}
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
            onClick={() =>
              onChange({
                ...value,
                identifiers: [...value.identifiers, { type: 'telegram', value: '' }],
              })
            }
          >
            <FormattedMessage id="person.addIdentifier" />
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
