import type { FtmPerson } from '@parallax/fingerprint';
import {
  derivedReferencesFollow,
  screenReferences,
  type ReferenceScreenOptions,
} from '@parallax/hub-client';
import { CliError, ExitCode } from '../io/cli-error.js';

/** Refused rows listed one by one up to this many, then counted. */
const SHOWN = 5;

/**
 * Leaves out the records whose case reference would carry a name of the
 * record (or, once the organisation's pattern is known, does not follow it),
 * saying which by record id and reason, never by value. Fails when none is
 * left, or when the pattern cannot accept references derived from the prefix.
 */
export function screenReferenceRows(
  input: string,
  persons: readonly FtmPerson[],
  options: ReferenceScreenOptions,
): FtmPerson[] {
  const pattern = options.pattern ?? null;
  if (
    pattern !== null &&
    persons.some((p) => !options.reference?.(p)?.trim()) &&
    !derivedReferencesFollow(pattern, options.referencePrefix ?? 'IMP-')
  ) {
    throw new CliError(
      `${input}: your organisation's reference pattern ${pattern} does not accept the derived references ` +
        `(${options.referencePrefix ?? 'IMP-'} and 10 letters or digits): give --reference-field, or a --reference-prefix the pattern accepts`,
      ExitCode.Usage,
    );
  }
  const { kept, refused } = screenReferences(persons, options);
  for (const r of refused.slice(0, SHOWN)) {
    process.stderr.write(`parallax: ${input}: record ${r.recordId} skipped (${r.problem})\n`);
  }
  if (refused.length > SHOWN) {
    process.stderr.write(
      `parallax: ${input}: ${refused.length - SHOWN} more record(s) skipped for their reference\n`,
    );
  }
  if (kept.length === 0 && refused.length > 0) {
    throw new CliError(`${input}: every record's reference was refused`, ExitCode.NothingToDo);
  }
  return kept;
}
