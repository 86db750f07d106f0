/**
 * @parallax/fingerprint — fingerprint schema v1. Platform-neutral: runs
 * unchanged in browsers, Web Workers and Node.
 *
 * Client flow: `extractKeys` → `blind` → (hub) `evaluate` → `finalize` →
 * `fingerprint`, or all at once with `fingerprintPersons`.
 */
export * from './schema.js';
export type * from './types.js';
export {
  extractKeys,
  personNames,
  propertyValues,
  IDENTIFIER_PROPERTIES,
  NAME_PROPERTIES,
  NAME_PART_PROPERTIES,
} from './keys.js';
export {
  blind,
  createLocalEvaluator,
  deriveOprfKey,
  evaluate,
  evaluateSync,
  finalize,
  finalizeBatch,
  generateOprfKey,
  hashToGroup,
  oprfReady,
  OPRF_ELEMENT_BYTES,
  OPRF_OUTPUT_BYTES,
  OPRF_SCALAR_BYTES,
  type BlindResult,
  type OprfEvaluator,
} from './oprf.js';
export {
  fingerprint,
  fingerprintPersons,
  generateGroupKey,
  keyInput,
  toBase64Url,
  GROUP_KEY_BYTES,
  type FingerprintPersonsOptions,
  type FingerprintProgress,
} from './fingerprint.js';
export {
  parsePersonsCsv,
  guessCsvTarget,
  CSV_PERSON_PROPERTIES,
  type CsvMapping,
  type CsvColumnTarget,
  type CsvParseOptions,
  type CsvParseResult,
} from './csv.js';
export {
  parsePersonsJsonl,
  contentRecordId,
  describeSkippedLine,
  CONTENT_ID_PREFIX,
  type JsonlParseOptions,
  type JsonlParseResult,
  type JsonlProblem,
  type JsonlSkippedLine,
} from './jsonl.js';
export {
  birthDateCheck,
  checkRecord,
  countProblems,
  identifiesPerson,
  isNameProperty,
  noNameCheck,
  problemReportCsv,
  ROW_CHECKS,
  type FileProblemCode,
  type RecordField,
  type RecordProblem,
  type RowCheck,
  type RowProblem,
  type RowProblemCode,
} from './import-problems.js';
export {
  decodeImportBytes,
  formatOfName,
  readImportFile,
  SNIFF_BYTES,
  type ImportFileFormat,
  type ImportFileOptions,
  type ImportFileRead,
} from './import-file.js';
/** Fixtures for the web and CLI import tests (the same files must give the same problems). */
export { IMPORT_FIXTURES, FIXTURE_TODAY, type ImportFixture } from './import-fixtures.js';
export {
  birthDateProblem,
  MIN_BIRTH_YEAR,
  type BirthDateProblem,
} from './normalize/birth-date-check.js';
export { toLatin, foldCase } from './normalize/translit.js';
export { skeleton, standaloneHToG, hasStandaloneH, looksEastSlavic } from './normalize/skeleton.js';
export { tokenizeName, splitNameVariants, TITLES, type NameToken } from './normalize/names.js';
export {
  parseBirthDates,
  dateLevels,
  MAX_RANGE_YEARS,
  type PartialDate,
} from './normalize/dates.js';
export {
  identifierKind,
  normalizeDocumentNumber,
  normalizeEmail,
  normalizeHandle,
  normalizeIdentifier,
  normalizePhone,
  normalizeWallet,
} from './normalize/identifiers.js';
export {
  referenceNameTokens,
  referenceContainsName,
  referenceNameCheck,
  MIN_NAME_TOKEN_LETTERS,
} from './reference-check.js';
