import type { MessageId } from '../../../i18n/messages';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';

export interface StartConditions {
  preview: Pick<ImportPreview, 'fileProblem'>;
  /** Records the run would send. */
  records: number;
  /** Every record has an id of its own (or the repeats are left out). */
  idsUsable: boolean;
  groupKeyReady: boolean;
  keysUnlocked: boolean;
  prefixValid: boolean;
  /** The rows were checked against the current prefix (reference_contains_name); false while the worker rereads. */
  prefixChecked?: boolean;
}

/** Why the Import button is disabled (the first reason that applies), or null when it is not. */
export function startBlocker(c: StartConditions): MessageId | null {
  if (c.preview.fileProblem !== null) return 'import.blocked.file';
  if (c.records === 0) return 'import.blocked.noRecords';
  if (!c.idsUsable) return 'import.blocked.ids';
  if (!c.keysUnlocked) return 'import.blocked.keys';
  if (!c.groupKeyReady) return 'import.blocked.groupKey';
  if (!c.prefixValid) return 'import.blocked.prefix';
  if (c.prefixChecked === false) return 'import.blocked.prefixChecking';
  return null;
}
