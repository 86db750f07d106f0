import type { FileProblemCode, RowProblem } from '@parallax/fingerprint';
import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';

/** The one message of each file-level problem. */
export const FILE_PROBLEM_MESSAGES: Readonly<Record<FileProblemCode, MessageId>> = {
  empty: 'import.fileProblem.empty',
  not_text: 'import.fileProblem.not_text',
  not_utf8: 'import.fileProblem.not_utf8',
  no_records: 'import.fileProblem.no_records',
  no_name_column: 'import.fileProblem.no_name_column',
  unknown_format: 'import.fileProblem.unknown_format',
};

/** Row problem codes with a translation; a check that adds a code adds its message here. */
const ROW_PROBLEM_MESSAGES: Readonly<Record<string, MessageId>> = {
  invalid_birth_date: 'import.problem.invalid_birth_date',
  bad_json_line: 'import.problem.bad_json_line',
  no_name: 'import.problem.no_name',
  malformed_row: 'import.problem.malformed_row',
  duplicate_record: 'import.problem.duplicate_record',
  reference_contains_name: 'import.problem.reference_contains_name',
};

const DETAIL_MESSAGES: Readonly<Record<string, MessageId>> = {
  unparseable: 'import.problemDetail.unparseable',
  impossible: 'import.problemDetail.impossible',
  future: 'import.problemDetail.future',
  too_early: 'import.problemDetail.too_early',
  'not-json': 'import.problemDetail.not-json',
  'not-an-entity': 'import.problemDetail.not-an-entity',
  'bad-id': 'import.problemDetail.bad-id',
  too_many_cells: 'import.problemDetail.too_many_cells',
  too_few_cells: 'import.problemDetail.too_few_cells',
};

/** A row problem's code, translated (an untranslated code shows as itself). */
export function problemLabel(intl: IntlShape, code: string): string {
  const id = ROW_PROBLEM_MESSAGES[code];
  return id ? intl.formatMessage({ id }) : code;
}

/** "Invalid birth date (no such day)". */
export function problemText(intl: IntlShape, problem: Pick<RowProblem, 'code' | 'detail'>): string {
  const label = problemLabel(intl, problem.code);
  const detailId = problem.detail === undefined ? undefined : DETAIL_MESSAGES[problem.detail];
  return detailId ? `${label} (${intl.formatMessage({ id: detailId })})` : label;
}
