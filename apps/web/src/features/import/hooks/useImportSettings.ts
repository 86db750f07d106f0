import { DEFAULT_REFERENCE_PREFIX, isValidReferencePrefix } from '@parallax/hub-client';
import { useCallback, useState } from 'react';
import type { ImportFormat } from '../../fingerprinting/utils/protocol';
import { defaultTags, type CaseTags } from '../../cases/components/CaseTagsFields';

/** What the user chooses for an import: where, how to read the file, and the cases' fields. */
export interface ImportSettings {
  groupId: string;
  format: ImportFormat;
  /** Default country of phone numbers written without a prefix ('' for none). */
  country: string;
  /** CSV: header → target, for the columns the user changed. */
  mapping: Record<string, string>;
  tags: CaseTags;
  prefix: string;
}

export function useImportSettings(firstGroupId: string) {
  const [settings, setSettings] = useState<ImportSettings>(() => ({
    groupId: firstGroupId,
    format: 'csv',
    country: '',
    mapping: {},
    tags: defaultTags(),
    prefix: DEFAULT_REFERENCE_PREFIX,
  }));
  const update = useCallback(
    (patch: Partial<ImportSettings>) => setSettings((s) => ({ ...s, ...patch })),
    [],
  );
  return { settings, update, prefixValid: isValidReferencePrefix(settings.prefix) };
}
