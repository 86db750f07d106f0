import { NativeSelect, Stack } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useCountryOptions } from '../../../ui/countries';
import type { PersonFormValues } from '../utils/person-form';
import { PERSON_VALUE_LISTS, type ListProperty } from '../utils/person-value-lists';
import { OtherIdentifiersFields } from './OtherIdentifiersFields';
import { ValueList, type ValueListProps } from './ValueList';

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
  const set = (key: ListProperty) => (list: string[]) => onChange({ ...value, [key]: list });
  const countryChoices = [
    { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
    ...countries,
  ];
  const countrySelect: ValueListProps['renderInput'] = ({ label, value: v, onChange: change }) => (
    <NativeSelect
      label={label}
      value={v}
      onChange={(event) => change(event.currentTarget.value)}
      data={countryChoices}
      style={{ flex: 1 }}
      maw={520}
    />
  );

  return (
    <Stack gap="lg">
      {PERSON_VALUE_LISTS.map(({ property, ...props }) => {
        const list = (
          <ValueList
            key={property}
            {...props}
            values={value[property]}
            onChange={set(property)}
            renderInput={property === 'nationalities' ? countrySelect : undefined}
          />
        );
        if (property !== 'phones') return list;
        // Phone numbers written without a country code are read in this country.
        return (
          <Stack key={property} gap="xs">
            {list}
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
        );
      })}
      <OtherIdentifiersFields value={value} onChange={onChange} />
    </Stack>
  );
}
