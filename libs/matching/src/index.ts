/**
 * @parallax/matching — candidate pairs and scores from shared fingerprints.
 * Pure functions, no I/O, platform-neutral.
 */
export { matchRecords, type CandidatePair, type MatchOptions, type MatchRecord } from './match.js';
export {
  scorePair,
  type MatchStrength,
  type PairContext,
  type PairScore,
  type SharedFingerprint,
} from './score.js';
export {
  ALERT_THRESHOLD,
  contributes,
  contributesAnyLabel,
  holderCountCap,
  holderCountCapAnyLabel,
  kindWeight,
  NAME_SET_LABELS,
  rarityDiscount,
} from './weights.js';
