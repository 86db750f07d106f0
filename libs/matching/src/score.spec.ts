import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePair, strengthOf, type SharedFingerprint } from './score.js';
import { ALERT_THRESHOLD, kindWeight, PROBABLE_THRESHOLD, rarityDiscount } from './weights.js';

const fp = (kind: string, n = 1, frequency = 2): SharedFingerprint[] =>
  Array.from({ length: n }, (_, i) => ({ kind, fp: `${kind}-${i}`, frequency }));

const kinds = (...ks: string[]): Set<string> => new Set(ks);

describe('scorePair', () => {
  it('scores nothing shared as 0', () => {
    expect(scorePair([])).toEqual({ score: 0, strength: 'weak', matched: [] });
  });

  it('ranks the kinds of evidence from first principles', () => {
    const pair = scorePair(fp('name.pair')).score;
    const full = scorePair([...fp('name.pair'), ...fp('name.full', 2)]).score;
    const threeTokens = scorePair(fp('name.pair', 3)).score;
    const pairYob = scorePair([...fp('name.pair'), ...fp('name.pair+yob')]).score;
    const threeTokensYob = scorePair([...fp('name.pair', 3), ...fp('name.pair+yob', 3)]).score;
    const fullDob = scorePair([
      ...fp('name.pair'),
      ...fp('name.pair+yob'),
      ...fp('name.full', 2),
      ...fp('name.full+dob', 3),
      ...fp('name.part+dob', 2),
    ]).score;
    const passport = scorePair(fp('id.passport')).score;
    // two name tokens alone (even a whole two-word name) are not enough to alert: namesakes are common
    expect(pair).toBeLessThan(ALERT_THRESHOLD);
    expect(full).toBeLessThan(ALERT_THRESHOLD);
    expect(pair).toBeLessThan(full);
    expect(threeTokens).toBeGreaterThanOrEqual(ALERT_THRESHOLD);
    expect(threeTokens).toBeLessThan(pairYob);
    expect(pairYob).toBeLessThan(threeTokensYob);
    expect(threeTokensYob).toBeLessThan(fullDob);
    expect(passport).toBeGreaterThan(0.99);
  });

  it('gives the documented bands', () => {
    expect(scorePair(fp('name.pair')).strength).toBe('weak');
    expect(scorePair(fp('name.pair', 3)).strength).toBe('possible');
    expect(scorePair(fp('name.part+dob')).strength).toBe('possible');
    expect(scorePair([...fp('name.pair'), ...fp('name.pair+yob')]).strength).toBe('probable');
    expect(scorePair([...fp('name.pair', 3), ...fp('name.pair+yob', 3)]).strength).toBe('strong');
    expect(scorePair(fp('phone')).strength).toBe('probable');
    expect(scorePair(fp('email')).strength).toBe('strong');
    expect(scorePair(fp('id.passport')).strength).toBe('strong');
    expect(scorePair(fp('handle.telegram')).strength).toBe('strong');
    expect(scorePair(fp('id.aircraft')).strength).toBe('strong');
  });

  it('discounts frequent fingerprints', () => {
    expect(rarityDiscount(2)).toBe(0);
    expect(rarityDiscount(3)).toBe(0);
    expect(rarityDiscount(5)).toBeCloseTo(Math.log(2));
    const rare = scorePair([...fp('name.pair', 1, 2), ...fp('name.pair+yob', 1, 2)]).score;
    const common = scorePair([...fp('name.pair', 1, 40), ...fp('name.pair+yob', 1, 40)]).score;
    expect(rare).toBeGreaterThan(PROBABLE_THRESHOLD);
    expect(common).toBeLessThan(rare);
    expect(common).toBeLessThan(ALERT_THRESHOLD);
    // an identifier shared by a whole office is no longer strong
    expect(scorePair(fp('phone', 1, 200)).strength).not.toBe('strong');
  });

  it('counts a name pair against the pair when both records have birth years but none is shared', () => {
    const shared = fp('name.pair', 3);
    const withYears = scorePair(shared, {
      leftKinds: kinds('name.pair', 'name.pair+yob'),
      rightKinds: kinds('name.pair', 'name.pair+yob'),
    });
    const oneWithout = scorePair(shared, {
      leftKinds: kinds('name.pair', 'name.pair+yob'),
      rightKinds: kinds('name.pair'),
    });
    expect(withYears.strength).toBe('weak');
    expect(oneWithout.score).toBe(scorePair(shared).score);
    const dateConflict = scorePair([...shared, ...fp('name.pair+yob')], {
      leftKinds: kinds('name.pair', 'name.pair+yob', 'name.part+dob'),
      rightKinds: kinds('name.pair', 'name.pair+yob', 'name.part+dob'),
    });
    expect(dateConflict.score).toBeLessThan(scorePair([...shared, ...fp('name.pair+yob')]).score);
  });

  it('explains with the matched kinds, strongest first, never more', () => {
    const r = scorePair([...fp('name.pair', 2), ...fp('name.pair+yob'), ...fp('phone')]);
    expect(r.matched).toEqual(['phone', 'name.pair', 'name.pair+yob']);
  });

  it('weighs unknown kinds cautiously and identifier families by prefix', () => {
    expect(kindWeight('handle.mastodon')).toBe(kindWeight('handle.telegram'));
    expect(kindWeight('id.imo')).toBe(kindWeight('id.plate'));
    expect(kindWeight('name.something-new')).toBeLessThan(kindWeight('name.pair'));
  });

  it('does not depend on the order of shared fingerprints, and ignores duplicates', () => {
    const all = [
      ...fp('name.pair', 3, 4),
      ...fp('name.pair+yob', 2, 3),
      ...fp('email', 1, 2),
      ...fp('name.full', 2, 9),
    ];
    const base = scorePair(all);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        expect(scorePair([...shuffled, ...shuffled.slice(0, 2)])).toEqual(base);
      }),
    );
  });

  it('maps scores to strengths', () => {
    expect(strengthOf(0.97)).toBe('strong');
    expect(strengthOf(0.85)).toBe('probable');
    expect(strengthOf(0.6)).toBe('possible');
    expect(strengthOf(0.3)).toBe('weak');
    expect(strengthOf(0.3, 0.2)).toBe('possible');
  });
});
