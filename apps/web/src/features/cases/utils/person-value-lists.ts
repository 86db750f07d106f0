import type { ValueListProps } from '../components/ValueList';
import { isReadableBirthDate, type PersonFormValues } from './person-form';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export type ListProperty = Exclude<keyof PersonFormValues, 'identifiers'>;

/** The person form's multi-value properties, in order, and how each is entered. */
export const PERSON_VALUE_LISTS: ReadonlyArray<
  { property: ListProperty } & Omit<ValueListProps, 'values' | 'onChange' | 'renderInput'>
> = [
  {
    property: 'names',
    legend: 'person.names',
    item: 'person.name',
    add: 'person.addName',
    hint: 'person.namesHint',
    dir: 'auto',
    testId: 'person-names',
  },
  {
    property: 'aliases',
    legend: 'person.aliases',
    item: 'person.alias',
    add: 'person.addAlias',
    hint: 'person.aliasesHint',
    dir: 'auto',
    testId: 'person-aliases',
  },
  {
    property: 'birthDates',
    legend: 'person.birthDates',
    item: 'person.birthDate',
    add: 'person.addBirthDate',
    hint: 'person.birthDatesHint',
    validate: (v) => (isReadableBirthDate(v) ? null : 'person.birthDateInvalid'),
    testId: 'person-birth-dates',
  },
  {
    property: 'nationalities',
    legend: 'person.nationalities',
    item: 'person.nationality',
    add: 'person.addNationality',
    hint: 'person.nationalitiesHint',
  },
  {
    property: 'passportNumbers',
    legend: 'person.passports',
    item: 'person.passport',
    add: 'person.addPassport',
  },
  {
    property: 'idNumbers',
    legend: 'person.idNumbers',
    item: 'person.idNumber',
    add: 'person.addIdNumber',
  },
  {
    property: 'phones',
    legend: 'person.phones',
    item: 'person.phone',
    add: 'person.addPhone',
    hint: 'person.phonesHint',
    type: 'tel',
    inputMode: 'tel',
  },
  {
    property: 'emails',
    legend: 'person.emails',
    item: 'person.email',
    add: 'person.addEmail',
    type: 'email',
    inputMode: 'email',
    validate: (v) => (EMAIL.test(v.trim()) ? null : 'person.emailInvalid'),
  },
];
