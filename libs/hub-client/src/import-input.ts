import {
  CASE_REFERENCE_PATTERN,
  MAX_NAME_READINGS_PER_CASE,
  MAX_NAMES_PER_CASE,
} from '@parallax/domain';
import type { FtmPerson } from '@parallax/fingerprint';
import { nameLimitProblem } from './case-limits.js';

/** The import's input is unusable; nothing was sent to the hub. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

/** Whether a reference prefix makes valid references (the derived part is 10 characters). */
export function isValidReferencePrefix(prefix: string): boolean {
  return CASE_REFERENCE_PATTERN.test(`${prefix}0123456789`);
}

/** Throws {@link ImportInputError} unless the prefix makes valid references. */
export function checkReferencePrefix(prefix: string | undefined): void {
  if (prefix !== undefined && !isValidReferencePrefix(prefix)) {
    throw new ImportInputError(
      'the reference prefix must start with a letter or digit, be at most 70 characters, and hold only letters, digits, spaces and . _ / # : -',
    );
  }
}

export interface ImportInputOptions {
  /** The caller's own case reference of a record (e.g. a column of case numbers). */
  readonly reference?: ((person: FtmPerson) => string | undefined) | undefined;
  readonly referencePrefix?: string | undefined;
}

/**
 * Checks what can be checked before signing in: every record has an id of
 * its own (the idempotency key is derived from it), and every reference the
 * caller supplies, and the reference prefix, make valid labels. Throws {@link ImportInputError}.
 */
export function validateImportInput(
  persons: readonly FtmPerson[],
  options: ImportInputOptions = {},
): void {
  const { reference, referencePrefix } = options;
  checkReferencePrefix(referencePrefix);
  const seen = new Set<string>();
  const duplicates: number[] = [];
  const badReferences: number[] = [];
  const tooManyNames: number[] = [];
  persons.forEach((person, index) => {
    if (typeof person.id !== 'string' || person.id.length === 0) {
      throw new ImportInputError(`record ${index + 1} has no id`);
    }
    if (seen.has(person.id)) duplicates.push(index + 1);
    seen.add(person.id);
    const own = reference?.(person)?.trim();
    if (own !== undefined && own.length > 0 && !CASE_REFERENCE_PATTERN.test(own))
      badReferences.push(index + 1);
    if (nameLimitProblem(person) !== null) tooManyNames.push(index + 1);
  });
  if (tooManyNames.length > 0) {
    // CASE_TOO_MANY_NAMES: a case describes one person, not a list of candidates.
    throw new ImportInputError(
      `${tooManyNames.length} record(s) have more than ${MAX_NAMES_PER_CASE} names or ${MAX_NAME_READINGS_PER_CASE} name readings ` +
        `(CASE_TOO_MANY_NAMES): record ${tooManyNames.slice(0, 5).join(', ')}${tooManyNames.length > 5 ? '…' : ''}. ` +
        'A case describes one person: split the record or keep the names actually used',
    );
  }
  if (duplicates.length > 0) {
    throw new ImportInputError(
      `${duplicates.length} record(s) repeat an earlier record's id (the first: record ${duplicates[0]}): ` +
        'each record needs its own id, or a re-run could not tell the records apart',
    );
  }
  if (badReferences.length > 0) {
    throw new ImportInputError(
      `${badReferences.length} case reference(s) are not valid labels (1–80 letters, digits, spaces and . _ / # : -, ` +
        `starting with a letter or digit): record ${badReferences.slice(0, 5).join(', ')}${badReferences.length > 5 ? '…' : ''}`,
    );
  }
}
