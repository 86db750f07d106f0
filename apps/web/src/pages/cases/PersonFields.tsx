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
import { isReadableBirthDate, type PersonFormValues } from '../../cases/person-form';
import { CSV_IDENTIFIER_TYPES } from '../../fingerprinting/engine-constants';
import { useCountryOptions } from '../../ui/countries';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { matchKindLabel } from '../overlaps/match-kinds';
import { ValueList } from './ValueList';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

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

export function PersonFields({
  value,
  onChange,
  defaultPhoneCountry,
  onDefaultPhoneCountry,
}: {
  value: PersonFormValues;
  onChange: (value: PersonFormValues) => void;
  defaultPhoneCountry: string;
  onDefaultPhoneCountry: (country: string) => void;
}) {
  const intl = useIntl();
  const countries = useCountryOptions();
  const set =
    <K extends keyof PersonFormValues>(key: K) =>
    (list: PersonFormValues[K]) =>
      onChange({ ...value, [key]: list });
  const countryChoices = [
    { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
    ...countries,
  ];

  return (
    <Stack gap="lg">
      <ValueList
        legend="person.names"
        item="person.name"
        add="person.addName"
        hint="person.namesHint"
        values={value.names}
        onChange={set('names')}
        dir="auto"
        testId="person-names"
      />
      <ValueList
        legend="person.aliases"
        item="person.alias"
        add="person.addAlias"
        hint="person.aliasesHint"
        values={value.aliases}
        onChange={set('aliases')}
        dir="auto"
        testId="person-aliases"
      />
      <ValueList
        legend="person.birthDates"
        item="person.birthDate"
        add="person.addBirthDate"
        hint="person.birthDatesHint"
        values={value.birthDates}
        onChange={set('birthDates')}
        validate={(v) => (isReadableBirthDate(v) ? null : 'person.birthDateInvalid')}
        testId="person-birth-dates"
      />
      <ValueList
        legend="person.nationalities"
        item="person.nationality"
        add="person.addNationality"
        hint="person.nationalitiesHint"
        values={value.nationalities}
        onChange={set('nationalities')}
        renderInput={({ label, value: v, onChange: change }) => (
          <NativeSelect
            label={label}
            value={v}
            onChange={(event) => change(event.currentTarget.value)}
            data={countryChoices}
            style={{ flex: 1 }}
            maw={520}
          />
        )}
      />
      <ValueList
        legend="person.passports"
        item="person.passport"
        add="person.addPassport"
        values={value.passportNumbers}
        onChange={set('passportNumbers')}
      />
      <ValueList
        legend="person.idNumbers"
        item="person.idNumber"
        add="person.addIdNumber"
        values={value.idNumbers}
        onChange={set('idNumbers')}
      />
      <Stack gap="xs">
        <ValueList
          legend="person.phones"
          item="person.phone"
          add="person.addPhone"
          hint="person.phonesHint"
          values={value.phones}
          onChange={set('phones')}
          type="tel"
          inputMode="tel"
        />
        <NativeSelect
          label={intl.formatMessage({ id: 'person.defaultCountry' })}
          description={intl.formatMessage({ id: 'person.defaultCountryHint' })}
          value={defaultPhoneCountry}
          onChange={(event) => onDefaultPhoneCountry(event.currentTarget.value)}
          data={[
            { value: '', label: intl.formatMessage({ id: 'person.noCountry' }) },
            ...countries,
          ]}
          maw={520}
        />
      </Stack>
      <ValueList
        legend="person.emails"
        item="person.email"
        add="person.addEmail"
        values={value.emails}
        onChange={set('emails')}
        type="email"
        inputMode="email"
        validate={(v) => (EMAIL.test(v.trim()) ? null : 'person.emailInvalid')}
      />
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
                identifiers: value.identifiers.map((v, i) =>
                  i === index ? { ...v, ...patch } : v,
                ),
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
                  aria-label={intl.formatMessage(
                    { id: 'person.removeValue' },
                    { label: valueLabel },
                  )}
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
    </Stack>
  );
}
