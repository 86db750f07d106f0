/**
 * @parallax/matching — candidate pairs and scores from shared fingerprints.
 * Pure functions, no I/O, platform-neutral.
 */
export { matchRecords, type CandidatePair, type MatchOptions, type MatchRecord } from './match.js';
export {
  scorePair,
  strengthOf,
  type MatchStrength,
  type PairContext,
  type PairScore,
  type SharedFingerprint,
} from './score.js';
export {
  ALERT_THRESHOLD,
  DATE_CONFLICT_PENALTY,
  KIND_WEIGHTS,
  kindWeight,
  PREFIX_WEIGHTS,
  PROBABLE_THRESHOLD,
  rarityDiscount,
  SAME_KIND_DECAY,
  SCORE_OFFSET,
  STRONG_THRESHOLD,
  UNKNOWN_KIND_WEIGHT,
  YEAR_CONFLICT_PENALTY,
} from './weights.js';
