import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';
import { CSV_PERSON_PROPERTIES_SHOWN } from './import-targets';

/** A column target (or a sample's property) as people read it. */
export function targetLabel(intl: IntlShape, target: string): string {
  if (target === 'ignore') return intl.formatMessage({ id: 'import.target.ignore' });
  if (target === 'id') return intl.formatMessage({ id: 'import.target.id' });
  if (target.startsWith('identifier:')) {
    return intl.formatMessage(
      { id: 'import.target.identifier' },
      { type: target.slice('identifier:'.length) },
    );
  }
  if ((CSV_PERSON_PROPERTIES_SHOWN as readonly string[]).includes(target)) {
    return intl.formatMessage({ id: `prop.${target}` as MessageId });
  }
  return target;
}
