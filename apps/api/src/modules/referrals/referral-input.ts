import { ErrorCode, OTHER_AUTHORITY_ID, referralCategoriesProblem } from '@parallax/domain';
import type { SealedMessageInput } from '../conversations/dto/sealed-message.input.js';
import type { ReferralAuthorities } from './referral-authorities.js';
import { dayProblem } from './referral-rules.js';
import { ReferralsException } from './referrals.exception.js';

/**
 * The checks of a referral's input that need no database, made before the
 * transaction opens: a refused input writes nothing and says which field.
 */

/** The name to store: the one given for 'other', null for a listed authority; UNKNOWN_AUTHORITY otherwise. */
export function checkAuthority(
  authorities: ReferralAuthorities,
  authorityId: string,
  name: string | null,
): string | null {
  const given = name?.trim() || null;
  if (authorityId === OTHER_AUTHORITY_ID) {
    if (!given)
      throw new ReferralsException(
        ErrorCode.UnknownAuthority,
        "Name the authority when choosing 'other'",
      );
    return given;
  }
  if (!authorities.isListed(authorityId))
    throw new ReferralsException(ErrorCode.UnknownAuthority, 'This authority is not in the list', {
      field: 'authorityId',
    });
  // A listed authority's name is the list's: a second name would only disagree with it.
  if (given)
    throw new ReferralsException(ErrorCode.UnknownAuthority, "A name is given only with 'other'", {
      field: 'authorityName',
    });
  return null;
}

export function checkDay(field: string, day: string, now: Date): void {
  const problem = dayProblem(day, now);
  if (problem) throw new ReferralsException(ErrorCode.BadUserInput, problem, { field });
}

export function checkCategories(categories: readonly string[]): void {
  const problem = referralCategoriesProblem(categories);
  if (problem)
    throw new ReferralsException(ErrorCode.BadUserInput, problem, { field: 'categories' });
}

/** A referral's note is read by the coordinators too, as every note of the arrangement. */
export function checkNoteAudience(note: SealedMessageInput | null | undefined): void {
  if (note && note.audience !== 'parties_and_coordinators') {
    throw new ReferralsException(
      ErrorCode.BadUserInput,
      'A referral note goes to the parties and the coordinators',
      {
        field: 'note.audience',
      },
    );
  }
}
