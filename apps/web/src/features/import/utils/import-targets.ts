/**
 * FtM Person properties a CSV column may map to, with a translated label each
 * (`prop.<name>`). The same list as @parallax/fingerprint's
 * CSV_PERSON_PROPERTIES (a test checks it), copied so that the import feature does not
 * pull the CSV parser into its chunk: the file is parsed in the worker.
 */
export const CSV_PERSON_PROPERTIES_SHOWN = [
  'name',
  'alias',
  'previousName',
  'weakAlias',
  'firstName',
  'secondName',
  'middleName',
  'fatherName',
  'lastName',
  'birthDate',
  'nationality',
  'passportNumber',
  'idNumber',
  'taxNumber',
  'innCode',
  'socialSecurityNumber',
  'phone',
  'email',
] as const;
