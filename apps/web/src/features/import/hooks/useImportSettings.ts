import {
  DEFAULT_REFERENCE_PREFIX,
  derivedReferencesFollow,
  isValidReferencePrefix,
} from '@parallax/hub-client';
import { useCallback, useState } from 'react';
import type { ImportFormat } from '../../fingerprinting/utils/protocol';
import { defaultTags, type CaseTags } from '../../cases/components/CaseTagsFields';
import { useReferencePattern } from '../../organisation/hooks/useReferencePattern';

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
  /** Send each person's first record only, when the file repeats persons (the default). */
  distinctOnly: boolean;
}

export function useImportSettings(firstGroupId: string) {
  const [settings, setSettings] = useState<ImportSettings>(() => ({
    groupId: firstGroupId,
    format: 'csv',
    country: '',
    mapping: {},
    tags: defaultTags(),
    prefix: DEFAULT_REFERENCE_PREFIX,
    distinctOnly: true,
  }));
  const update = useCallback(
    (patch: Partial<ImportSettings>) => setSettings((s) => ({ ...s, ...patch })),
    [],
  );
  // The derived references (prefix + keyed part) must follow the organisation's pattern too.
  const referencePattern = useReferencePattern();
  const prefixProblem = !isValidReferencePrefix(settings.prefix)
    ? ('cases.referenceInvalid' as const)
    : derivedReferencesFollow(referencePattern, settings.prefix)
      ? null
      : ('import.prefixPattern' as const);
  return {
    settings,
    update,
    prefixValid: prefixProblem === null,
    prefixProblem,
    referencePattern,
  };
}
