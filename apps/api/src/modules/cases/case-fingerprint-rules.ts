import { countFingerprintsByKind, ErrorCode, fingerprintCountProblem } from '@parallax/domain';
import type { FingerprintValue } from './case-rows.js';
import { CasesException } from './cases.exception.js';

/** Deduplicated, so a repeated fingerprint in the input cannot fail the insert. */
export function uniqueFingerprints(list: readonly FingerprintValue[]): FingerprintValue[] {
  const seen = new Map<string, FingerprintValue>();
  for (const f of list) seen.set(`${f.kind}\u0000${f.fp}`, f);
  return [...seen.values()];
}

/**
 * A case describes one person, padded (docs/probe-resistance.md): each
 * kind's count is a size class within its limit, and the whole set within
 * MAX_FINGERPRINTS_PER_CASE. Counted after deduplication, so repeating a
 * fingerprint cannot fake the padding.
 */
export function checkedFingerprints(list: readonly FingerprintValue[]): FingerprintValue[] {
  const fps = uniqueFingerprints(list);
  const problem = fingerprintCountProblem(countFingerprintsByKind(fps));
  if (problem === 'CASE_TOO_MANY_FINGERPRINTS')
    throw new CasesException(
      ErrorCode.CaseTooManyFingerprints,
      'A case describes one person: it carries more fingerprints than one person yields',
    );
  if (problem === 'CASE_FINGERPRINTS_NOT_PADDED')
    throw new CasesException(
      ErrorCode.CaseFingerprintsNotPadded,
      'Each kind of fingerprint must be padded to a size class (4, 8, 16, 32, 64 or 128)',
    );
  return fps;
}
