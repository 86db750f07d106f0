import { CASE_STATUSES, CRIME_CATEGORIES, SITUATIONS } from '@parallax/domain';
import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';

const has = (list: readonly string[], value: string) => list.includes(value);

/** A case status, translated (the raw value if the vocabulary grew meanwhile). */
export function statusLabel(intl: IntlShape, status: string): string {
  return has(CASE_STATUSES, status)
    ? intl.formatMessage({ id: `caseStatus.${status}` as MessageId })
    : status;
}

export function situationLabel(intl: IntlShape, situation: string): string {
  return has(SITUATIONS, situation)
    ? intl.formatMessage({ id: `situation.${situation}` as MessageId })
    : situation;
}

export function crimeLabel(intl: IntlShape, crime: string): string {
  return has(CRIME_CATEGORIES, crime)
    ? intl.formatMessage({ id: `crime.${crime}` as MessageId })
    : crime;
}

/** Situation and crime tags as one phrase. */
export function tagsText(
  intl: IntlShape,
  situations: readonly string[],
  crimes: readonly string[],
): string {
  const labels = [
    ...situations.map((s) => situationLabel(intl, s)),
    ...crimes.map((c) => crimeLabel(intl, c)),
  ];
  return labels.length > 0 ? intl.formatList(labels, { type: 'unit' }) : '—';
}
