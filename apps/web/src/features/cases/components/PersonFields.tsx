import { NativeSelect, Stack } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useCountryOptions } from '../../../ui/countries';
import { isReadableBirthDate, type PersonFormValues } from '../utils/person-form';
import { OtherIdentifiersFields } from './OtherIdentifiersFields';
import { ValueList } from './ValueList';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** A suspect's identifiers: each property may hold several values. */
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
      <OtherIdentifiersFields value={value} onChange={onChange} />
    </Stack>
  );
}
