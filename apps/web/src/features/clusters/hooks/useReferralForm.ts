import { OTHER_AUTHORITY_ID, referralCategoriesProblem } from '@parallax/domain';
import { useState } from 'react';
import type { MessageId } from '../../../i18n/messages';
import { todayLocal } from '../utils/deadline';
import type { ReferralRecord } from './useReferralActions';

/** The "record a referral" form: its fields and what is wrong with them. */
export function useReferralForm() {
  const [authorityId, setAuthorityId] = useState('');
  const [otherName, setOtherName] = useState('');
  const [referredOn, setReferredOn] = useState(() => todayLocal());
  const [categories, setCategories] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [attempted, setAttempted] = useState(false);

  const isOther = authorityId === OTHER_AUTHORITY_ID;
  const problems: Partial<Record<'authority' | 'name' | 'date' | 'categories', MessageId>> = {};
  if (!authorityId) problems.authority = 'referral.problem.authority';
  if (isOther && !otherName.trim()) problems.name = 'referral.problem.name';
  // A referral is recorded once it happened: never a future date.
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(referredOn) || referredOn > todayLocal())
    problems.date = 'referral.problem.date';
  if (referralCategoriesProblem(categories)) problems.categories = 'referral.problem.categories';

  const value: ReferralRecord = {
    authorityId,
    authorityName: isOther ? otherName.trim() : null,
    referredOn,
    categories,
  };

  return {
    fields: { authorityId, otherName, referredOn, categories, note, isOther },
    set: {
      authorityId: setAuthorityId,
      otherName: setOtherName,
      referredOn: setReferredOn,
      categories: setCategories,
      note: setNote,
    },
    attempted,
    attempt: () => setAttempted(true),
    problems,
    valid: Object.keys(problems).length === 0,
    value,
  };
}
