import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePair, strengthOf, type PairContext, type SharedFingerprint } from './score.js';
import {
  ALERT_THRESHOLD,
  contributes,
  holderCountCap,
  jointDiscount,
  kindWeight,
  DATED_PROBE_CAP,
  NAME_SET_COUNT_CAP,
  NAME_SET_PROBE_CAP,
  PROBABLE_THRESHOLD,
  rarityDiscount,
} from './weights.js';

let next = 0;
/** `n` shared fingerprints labelled `kind` on the left and `other` on the right. */
const fp = (kind: string, n = 1, frequency = 2, other = kind): SharedFingerprint[] =>
  Array.from({ length: n }, () => ({ kind, otherKind: other, fp: `fp-${next++}`, frequency }));

const kinds = (...ks: string[]): Set<string> => new Set(ks);
/** Nothing known beyond the shared fingerprints. */
const NO_CONTEXT: PairContext = {};
/** Both records hold these kinds (so what they do not share counts against). */
const bothHold = (...ks: string[]): PairContext => ({
  leftKinds: kinds(...ks),
  rightKinds: kinds(...ks),
});

/** The fingerprints two records with the same three-token name share. */
const sameThreeTokenName = (): SharedFingerprint[] => [
  ...fp('name.full'),
  ...fp('name.pair', 3),
  ...fp('name.glued'),
];

describe('scorePair', () => {
  it('scores nothing shared as 0', () => {
    expect(scorePair([])).toEqual({ score: 0, strength: 'weak', matched: [] });
  });

  it('ranks the kinds of evidence from first principles', () => {
    const s = (shared: SharedFingerprint[]): number => scorePair(shared, NO_CONTEXT).score;
    const pair = s(fp('name.pair'));
    const contained = s(fp('name.full', 1, 2, 'name.pair'));
    const threeOfFour = s([...fp('name.sub'), ...fp('name.pair', 3)]);
    const sameThree = s(sameThreeTokenName());
    const pairYear = s([...fp('name.pair'), ...fp('name.pair+yob')]);
    const sameTwoYear = s([...fp('name.full'), ...fp('name.pair+yob'), ...fp('name.full+dob')]);
    const fullDate = s([
      ...sameThreeTokenName(),
      ...fp('name.pair+yob', 3),
      ...fp('name.full+dob', 3),
      ...fp('name.part+dob', 3),
    ]);
    const passport = s(fp('id.passport'));
    // two agreeing tokens alone do not alert: two-word namesakes are common
    expect(pair).toBeLessThan(ALERT_THRESHOLD);
    expect(pair).toBeLessThan(contained);
    expect(contained).toBeGreaterThanOrEqual(ALERT_THRESHOLD);
    expect(contained).toBeLessThan(threeOfFour);
    expect(threeOfFour).toBeLessThan(sameThree);
    expect(pairYear).toBeLessThan(sameTwoYear);
    expect(sameTwoYear).toBeLessThan(fullDate);
    expect(passport).toBeGreaterThan(0.99);
  });

  it('gives the documented bands', () => {
    const band = (shared: SharedFingerprint[], c: PairContext = NO_CONTEXT): string =>
      scorePair(shared, c).strength;
    expect(band(fp('name.pair'))).toBe('weak');
    expect(band(fp('name.full', 1, 2, 'name.pair'))).toBe('possible');
    expect(band(fp('name.part+dob'))).toBe('possible');
    expect(band([...fp('name.pair'), ...fp('name.pair+yob')])).toBe('probable');
    // three or more agreeing tokens, no date: probable
    expect(band(sameThreeTokenName())).toBe('probable');
    expect(band([...sameThreeTokenName(), ...fp('name.pair+yob', 3), ...fp('name.full+dob')])).toBe(
      'strong',
    );
    expect(band(fp('phone'))).toBe('probable');
    expect(band(fp('email'))).toBe('strong');
    expect(band(fp('id.passport'))).toBe('strong');
    expect(band(fp('handle.telegram'))).toBe('strong');
    expect(band(fp('id.aircraft'))).toBe('strong');
  });

  it('keeps a whole two-token name without a date at possible, and discounts a common one', () => {
    const twoTokens = (frequency: number): SharedFingerprint[] => [
      ...fp('name.full', 1, frequency),
      ...fp('name.glued', 1, frequency),
    ];
    // measured: in a synthetic group of 10,000 cases most such pairs are namesakes
    expect(scorePair(twoTokens(2)).strength).toBe('possible');
    expect(scorePair(twoTokens(40)).score).toBeLessThan(ALERT_THRESHOLD);
  });

  it('counts a whole-name agreement once, however many spellings meet', () => {
    const one = scorePair([...fp('name.full'), ...fp('name.glued')], NO_CONTEXT).score;
    const many = scorePair([...fp('name.full', 4), ...fp('name.glued', 4)], NO_CONTEXT).score;
    expect(many).toBe(one);
  });

  it('sees a shorter name inside a longer one through the labels of the two sides', () => {
    // "Ivan Sidorov" (whole) against "Ivan Petrovich Sidorov" (a pair of it), both born 1970
    const inside = scorePair(
      [...fp('name.full', 1, 2, 'name.pair'), ...fp('name.pair+yob')],
      bothHold('name.full', 'name.pair+yob'),
    );
    expect(inside.strength).toBe('probable');
    expect(inside.matched).toContain('name.full');
  });

  it('judges a joint name + year key by its own count, or by the chance its name alone implies', () => {
    // a rare name pair (3 holders) + a year the two alone share
    const rare = scorePair([...fp('name.pair', 1, 3), ...fp('name.pair+yob', 1, 2)]);
    expect(rare.score).toBeGreaterThanOrEqual(PROBABLE_THRESHOLD);
    // 10 holders: eight others, each sharing a year by chance as often as the one the weight assumes
    const uncommon = scorePair([...fp('name.pair', 1, 10), ...fp('name.pair+yob', 1, 2)]);
    expect(uncommon.score).toBeLessThan(PROBABLE_THRESHOLD);
    expect(uncommon.score).toBeLessThan(rare.score);
    // 200 holders: about eight share any year, so two cases sharing one is chance
    const common = scorePair([...fp('name.pair', 1, 200), ...fp('name.pair+yob', 1, 2)]);
    expect(common.score).toBeLessThan(ALERT_THRESHOLD);
    // a joint key held widely is discounted by its own count, whatever the name's
    const commonYear = scorePair([...fp('name.pair', 1, 3), ...fp('name.pair+yob', 1, 60)]);
    expect(commonYear.score).toBeLessThan(ALERT_THRESHOLD);
  });

  it('judges a whole name + date key by the rarest whole name the two share', () => {
    const rare = scorePair([...fp('name.full', 1, 4), ...fp('name.full+dob', 1, 2)]);
    expect(rare.score).toBeGreaterThanOrEqual(PROBABLE_THRESHOLD);
    const common = scorePair([...fp('name.full', 1, 150), ...fp('name.full+dob', 1, 2)]);
    expect(common.score).toBeLessThan(PROBABLE_THRESHOLD);
    // another spelling of the same name is rarer, and the rarest decides
    const spelled = scorePair([
      ...fp('name.full', 1, 150),
      ...fp('name.full', 1, 4),
      ...fp('name.full+dob', 1, 2),
    ]);
    expect(spelled.score).toBeCloseTo(rare.score, 5);
  });

  it('lets a day of birth, not a year, carry a common name: a namesake would have to share the day', () => {
    // a whole name held by 80 cases, the same full date: year and day levels, and its tokens + date
    const dayAgrees = (nameCount: number): SharedFingerprint[] => [
      ...fp('name.full', 1, nameCount),
      ...fp('name.pair', 3, nameCount),
      ...fp('name.full+dob', 2, 2),
      ...fp('name.part+dob', 3, 2),
    ];
    expect(scorePair(dayAgrees(80)).strength).toBe('strong');
    // the same name with only a year in common is the chance the name implies (possible at most)
    const yearOnly = scorePair([
      ...fp('name.full', 1, 80),
      ...fp('name.pair', 3, 80),
      ...fp('name.full+dob', 1, 2),
    ]);
    expect(yearOnly.score).toBeLessThan(PROBABLE_THRESHOLD);
    // two tokens + year, and a token's full date: the pair + day, likewise
    const pairDay = scorePair([
      ...fp('name.pair', 1, 60),
      ...fp('name.pair+yob', 1, 2),
      ...fp('name.part+dob', 1, 2),
    ]);
    expect(pairDay.score).toBeGreaterThanOrEqual(PROBABLE_THRESHOLD);
    // past 365 × n namesakes for the day, the name's count discounts again
    expect(jointDiscount(2, 2 + 365 * 20, true)).toBeCloseTo(Math.log(20));
    expect(jointDiscount(2, 80, true)).toBe(0);
    // and a day shared by many holders of the token (a placeholder date) is discounted by its own count
    const placeholder = scorePair([
      ...fp('name.full', 1, 80),
      ...fp('name.full+dob', 2, 40),
      ...fp('name.part+dob', 3, 40),
    ]);
    expect(placeholder.score).toBeLessThan(PROBABLE_THRESHOLD);
  });

  it('discounts joint keys as far as the hub counts name holders', () => {
    expect(jointDiscount(2, 2)).toBe(0);
    expect(jointDiscount(2, 3)).toBe(0);
    expect(jointDiscount(2, 22)).toBeCloseTo(Math.log(20));
    expect(jointDiscount(9, 3)).toBeCloseTo(rarityDiscount(9));
    for (const kind of ['name.full', 'name.pair', 'name.sub'])
      expect(holderCountCap(kind)).toBeGreaterThanOrEqual(NAME_SET_COUNT_CAP);
    // counted far enough that a joint key of a name held at the cap adds nothing
    expect(jointDiscount(2, NAME_SET_COUNT_CAP)).toBeGreaterThan(kindWeight('name.full+dob'));
  });

  it('counts one token + full date agreement once, however many readings of the token meet', () => {
    const one = scorePair(fp('name.part+dob', 1, 2));
    expect(scorePair(fp('name.part+dob', 3, 2)).score).toBeCloseTo(one.score, 10);
    expect(one.score).toBeLessThan(PROBABLE_THRESHOLD);
  });

  it('discounts frequent fingerprints', () => {
    expect(rarityDiscount(2)).toBe(0);
    expect(rarityDiscount(3)).toBe(0);
    expect(rarityDiscount(5)).toBeCloseTo(Math.log(2));
    // an identifier shared by a whole office is no longer strong
    expect(scorePair(fp('phone', 1, 200)).strength).not.toBe('strong');
  });

  describe('evidence against', () => {
    it('counts birth years both records have but do not share', () => {
      const shared = [...fp('name.full', 1, 2, 'name.pair'), ...fp('name.pair', 2)];
      const withYears = scorePair(shared, bothHold('name.full', 'name.pair+yob'));
      const oneWithout = scorePair(shared, {
        leftKinds: kinds('name.full', 'name.pair+yob'),
        rightKinds: kinds('name.full'),
      });
      expect(withYears.strength).toBe('weak');
      expect(oneWithout.score).toBeGreaterThan(withYears.score);
    });

    it('counts full dates that differ within the same year', () => {
      const shared = [...fp('name.full'), ...fp('name.pair+yob'), ...fp('name.full+dob')];
      const sameDay = scorePair(
        [...shared, ...fp('name.part+dob', 2)],
        bothHold('name.full', 'name.pair+yob', 'name.part+dob'),
      );
      const otherDay = scorePair(shared, bothHold('name.full', 'name.pair+yob', 'name.part+dob'));
      const noDays = scorePair(shared, bothHold('name.full', 'name.pair+yob'));
      expect(otherDay.score).toBeLessThan(noDays.score);
      expect(otherDay.score).toBeLessThan(sameDay.score);
    });

    it('counts another surname or patronymic: neither name is inside the other', () => {
      // Ivan Petrovich SIDOROV 1970 ~ Ivan Petrovich KUZNETSOV 1970: given name + patronymic + year only
      const namesakes = [...fp('name.pair'), ...fp('name.pair+yob')];
      const context = bothHold('name.full', 'name.pair+yob');
      const conflict = scorePair(namesakes, context);
      expect(conflict.score).toBeLessThan(PROBABLE_THRESHOLD);
      // the same shared keys when one whole name is inside the other: no conflict
      const inside = scorePair(
        [...fp('name.full', 1, 2, 'name.pair'), ...fp('name.pair+yob')],
        context,
      );
      expect(inside.score).toBeGreaterThanOrEqual(PROBABLE_THRESHOLD);
      // a glued spelling of the whole name is agreement too
      const glued = scorePair([...namesakes, ...fp('name.glued')], context);
      expect(glued.score).toBeGreaterThan(conflict.score);
    });

    it('counts nothing against a record that lacks the kind', () => {
      const shared = [...fp('name.pair'), ...fp('name.pair+yob')];
      expect(scorePair(shared, NO_CONTEXT).score).toBeGreaterThanOrEqual(PROBABLE_THRESHOLD);
    });
  });

  it('explains with the matched kinds, strongest first, never more', () => {
    const r = scorePair([...fp('name.pair', 2), ...fp('name.pair+yob'), ...fp('phone')]);
    expect(r.matched).toEqual(['phone', 'name.pair+yob', 'name.pair']);
  });

  it('weighs unknown kinds cautiously and identifier families by prefix', () => {
    expect(kindWeight('handle.mastodon')).toBe(kindWeight('handle.telegram'));
    expect(kindWeight('id.imo')).toBe(kindWeight('id.plate'));
    expect(kindWeight('name.something-new')).toBeLessThan(kindWeight('name.pair'));
  });

  it('counts holders only as far as a count can change a score', () => {
    for (const kind of ['name.pair', 'name.full', 'name.pair+yob', 'id.passport', 'phone']) {
      const cap = holderCountCap(kind);
      expect(contributes(kind, cap)).toBe(false);
      expect(scorePair(fp(kind, 1, cap)).score).toBe(scorePair(fp(kind, 1, cap + 50)).score);
    }
    expect(contributes('id.passport', holderCountCap('id.passport') - 1)).toBe(true);
  });

  it('never misses an alerting pair by not looking up name and date fingerprints past their probe caps', () => {
    const labels = ['name.full', 'name.pair', 'name.sub'];
    const nameDate = ['name.glued', 'name.pair+yob', 'name.full+dob', 'name.part+dob'];
    const arb = fc.array(
      fc.record({
        kind: fc.constantFrom(...labels, ...nameDate),
        other: fc.constantFrom(...labels),
        extra: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 20 }),
          fc.integer({ min: 0, max: 10_000 }),
        ),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (list) => {
        const shared = list.map((s) => {
          const dated = s.kind.includes('+');
          const frequency = (dated ? DATED_PROBE_CAP : NAME_SET_PROBE_CAP) + s.extra;
          return fp(s.kind, 1, frequency, labels.includes(s.kind) ? s.other : s.kind);
        });
        expect(scorePair(shared.flat()).score).toBeLessThan(ALERT_THRESHOLD);
      }),
    );
    expect(contributes('name.pair+yob', DATED_PROBE_CAP - 1)).toBe(true);
    expect(contributes('name.pair+yob', DATED_PROBE_CAP)).toBe(false);
    expect(contributes('name.full', NAME_SET_PROBE_CAP - 1)).toBe(true);
    expect(contributes('name.full', NAME_SET_PROBE_CAP)).toBe(false);
  });

  it('does not depend on the order of shared fingerprints, and ignores duplicates', () => {
    const all = [
      ...fp('name.pair', 3, 4),
      ...fp('name.full', 1, 2, 'name.sub'),
      ...fp('name.pair+yob', 2, 3),
      ...fp('email', 1, 2),
      ...fp('name.glued', 2, 9),
    ];
    const base = scorePair(all, NO_CONTEXT);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        expect(scorePair([...shuffled, ...shuffled.slice(0, 2)], NO_CONTEXT)).toEqual(base);
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
