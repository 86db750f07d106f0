/**
 * What was handed over with a referral: categories only, never the
 * contents (the hub never holds the material itself). A fixed vocabulary so
 * that the numbers add up across organisations.
 */
export const REFERRAL_CATEGORIES = [
  'identity_information',
  'witness_statements',
  'victim_statements',
  'documents',
  'photos_video',
  'open_source_material',
  'financial_records',
  'communications',
  'forensic_material',
  'expert_analysis',
  'other',
] as const;
export type ReferralCategory = (typeof REFERRAL_CATEGORIES)[number];

export function isReferralCategory(value: unknown): value is ReferralCategory {
  return typeof value === 'string' && (REFERRAL_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Why a list of categories is not acceptable, or null: at least one, each
 * from the vocabulary, none twice.
 */
export function referralCategoriesProblem(categories: readonly string[]): string | null {
  if (categories.length === 0) return 'Say what was handed over';
  if (new Set(categories).size !== categories.length) return 'A category is listed twice';
  const unknown = categories.find((c) => !isReferralCategory(c));
  return unknown === undefined ? null : `Unknown category: ${unknown.slice(0, 40)}`;
}
