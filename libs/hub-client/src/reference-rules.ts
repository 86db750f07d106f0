/**
 * The case reference is the one field of a case that reaches the hub in
 * clear. Every client checks it the same way before anything is sent: no
 * token of the record's names in it (any script, see @parallax/fingerprint
 * reference-check.ts), and it follows the organisation's pattern when there
 * is one (the hub enforces that too, REFERENCE_PATTERN_MISMATCH).
 */
import { matchesReferencePattern } from '@parallax/domain';
import { personNames, referenceContainsName, type FtmPerson } from '@parallax/fingerprint';
import { CaseReferencePatternDocument } from './gql/graphql.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/** Why a record's reference is refused (its row is skipped and reported, never its value). */
export type ReferenceRowProblem = 'reference_contains_name' | 'reference_pattern_mismatch';

/** The organisation's reference pattern, as the hub holds it (null: none). */
export async function fetchReferencePattern(
  request: HubRequest,
  organisationId: string,
): Promise<string | null> {
  const { organisation } = await send(request, CaseReferencePatternDocument, {
    id: organisationId,
  });
  return organisation.caseReferencePattern ?? null;
}

/** Why `reference` may not go with `person`'s case, or null. */
export function referenceRowProblem(
  reference: string,
  person: FtmPerson,
  pattern: string | null,
): ReferenceRowProblem | null {
  if (referenceContainsName(reference, personNames(person))) return 'reference_contains_name';
  if (!matchesReferencePattern(pattern, reference)) return 'reference_pattern_mismatch';
  return null;
}

/** Letters and digits a derived reference's keyed part is made of (import-keys.ts). */
const DERIVED_SAMPLES = ['0123456789', 'ABCDEFGHJK', 'MNPQRSTVWX', 'YZ0A1B2C3D'];

/** Whether every reference derived with `prefix` (prefix + 10 letters or digits) follows `pattern`. */
export function derivedReferencesFollow(pattern: string | null, prefix: string): boolean {
  return DERIVED_SAMPLES.every((s) => matchesReferencePattern(pattern, `${prefix}${s}`));
}

export interface ReferenceScreenOptions {
  /** The caller's own reference of a record, if any (else a reference is derived with the prefix). */
  readonly reference?: ((person: FtmPerson) => string | undefined) | undefined;
  readonly referencePrefix?: string | undefined;
  readonly pattern?: string | null | undefined;
}

export interface RefusedReference {
  /** Position of the record in the input (0-based). */
  readonly index: number;
  readonly recordId: string;
  readonly problem: ReferenceRowProblem;
}

/**
 * Splits the records into those whose reference may be sent and those
 * refused: an own reference is checked whole; a derived one through its
 * prefix (the keyed part is random letters and digits, never a name).
 */
export function screenReferences(
  persons: readonly FtmPerson[],
  options: ReferenceScreenOptions,
): { kept: FtmPerson[]; refused: RefusedReference[] } {
  const kept: FtmPerson[] = [];
  const refused: RefusedReference[] = [];
  const pattern = options.pattern ?? null;
  persons.forEach((person, index) => {
    const own = options.reference?.(person)?.trim();
    const problem =
      own !== undefined && own.length > 0
        ? referenceRowProblem(own, person, pattern)
        : options.referencePrefix &&
            referenceContainsName(options.referencePrefix, personNames(person))
          ? 'reference_contains_name'
          : null;
    if (problem === null) kept.push(person);
    else refused.push({ index, recordId: person.id, problem });
  });
  return { kept, refused };
}
