import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';

/** Every subject type the hub writes into the log (see `subjectType` in apps/api/src). */
export const AUDIT_SUBJECT_TYPES = [
  'audit_log',
  'case',
  'invitation',
  'organisation',
  'overlap',
  'session',
  'user',
  'working_group',
] as const;

/** An action, translated; an unknown (newer) action falls back to its code. */
export function actionLabel(intl: IntlShape, action: string): string {
  return intl.formatMessage(
    { id: 'audit.action' },
    { action: action.replace(/\./g, '_'), code: action },
  );
}

/** A subject type, translated; an unknown (newer) one falls back to its code. */
export function subjectTypeLabel(intl: IntlShape, subjectType: string): string {
  return (AUDIT_SUBJECT_TYPES as readonly string[]).includes(subjectType)
    ? intl.formatMessage({ id: `audit.subject.${subjectType}` as MessageId })
    : subjectType;
}
