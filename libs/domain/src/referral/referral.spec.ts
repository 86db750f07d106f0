import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REFERRAL_AUTHORITIES,
  OTHER_AUTHORITY_ID,
  referralAuthoritiesProblem,
} from './authorities.js';
import { REFERRAL_CATEGORIES, referralCategoriesProblem } from './categories.js';
import {
  REFERRAL_STATUSES,
  awaitsFeedback,
  canMoveReferral,
  isReferralStatus,
  nextReferralStatuses,
  type ReferralStatus,
} from './status.js';

describe('referral statuses', () => {
  it('walk the documented path from referred to trial and closed', () => {
    const walk: ReferralStatus[] = [
      'referred',
      'acknowledged',
      'investigation_opened',
      'arrest',
      'charges',
      'trial',
      'closed',
    ];
    for (const [i, to] of walk.slice(1).entries())
      expect(canMoveReferral(walk[i] ?? 'closed', to)).toBe(true);
  });

  it('refuse jumps, going back and leaving closed', () => {
    expect(canMoveReferral('referred', 'trial')).toBe(false);
    expect(canMoveReferral('referred', 'arrest')).toBe(false);
    expect(canMoveReferral('acknowledged', 'charges')).toBe(false);
    expect(canMoveReferral('trial', 'charges')).toBe(false);
    expect(canMoveReferral('declined', 'investigation_opened')).toBe(false);
    expect(canMoveReferral('referred', 'referred')).toBe(false);
    expect(nextReferralStatuses('closed')).toEqual([]);
  });

  it('form an acyclic graph in which every status reaches closed', () => {
    const reaches = (from: ReferralStatus, seen: ReferralStatus[]): boolean => {
      expect(seen).not.toContain(from);
      if (from === 'closed') return true;
      return nextReferralStatuses(from).some((n) => reaches(n, [...seen, from]));
    };
    for (const s of REFERRAL_STATUSES) expect(reaches(s, [])).toBe(true);
    // Every status but the first is reachable.
    const targets = new Set(REFERRAL_STATUSES.flatMap((s) => nextReferralStatuses(s)));
    expect([...targets].sort()).toEqual(REFERRAL_STATUSES.filter((s) => s !== 'referred').sort());
  });

  it('hand out copies, so a caller cannot change the graph', () => {
    nextReferralStatuses('referred').push('trial');
    expect(canMoveReferral('referred', 'trial')).toBe(false);
  });

  it('await feedback until declined or closed', () => {
    expect(REFERRAL_STATUSES.filter((s) => !awaitsFeedback(s))).toEqual(['declined', 'closed']);
    expect(isReferralStatus('arrest')).toBe(true);
    expect(isReferralStatus('convicted')).toBe(false);
  });
});

describe('referral categories', () => {
  it('accept a non-empty subset of the vocabulary', () => {
    expect(referralCategoriesProblem(['witness_statements', 'photos_video'])).toBeNull();
    expect(referralCategoriesProblem([...REFERRAL_CATEGORIES])).toBeNull();
  });

  it('refuse none, duplicates and unknown words', () => {
    expect(referralCategoriesProblem([])).toMatch(/handed over/);
    expect(referralCategoriesProblem(['documents', 'documents'])).toMatch(/twice/);
    expect(referralCategoriesProblem(['documents', 'the suspect’s diary'])).toMatch(/Unknown/);
  });
});

describe('referral authorities', () => {
  it('ship a valid default list with national units, the ICC, UN mechanisms and Eurojust', () => {
    expect(referralAuthoritiesProblem(DEFAULT_REFERRAL_AUTHORITIES)).toBeNull();
    const countries = DEFAULT_REFERRAL_AUTHORITIES.filter((a) => a.kind === 'national_unit').map(
      (a) => a.country,
    );
    for (const c of [
      'DE',
      'FR',
      'NL',
      'SE',
      'BE',
      'CH',
      'NO',
      'FI',
      'DK',
      'GB',
      'UA',
      'US',
      'CA',
      'AT',
      'ES',
    ])
      expect(countries).toContain(c);
    const kinds = new Set(DEFAULT_REFERRAL_AUTHORITIES.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['eurojust', 'icc_otp', 'national_unit', 'un_mechanism']);
    expect(DEFAULT_REFERRAL_AUTHORITIES.map((a) => a.id)).not.toContain(OTHER_AUTHORITY_ID);
  });

  it('refuse a malformed operator list', () => {
    const ok = { id: 'xx-unit', name: 'A unit', kind: 'national_unit', country: 'XX' };
    expect(referralAuthoritiesProblem([ok])).toBeNull();
    expect(referralAuthoritiesProblem([])).toMatch(/non-empty/);
    expect(referralAuthoritiesProblem({ authorities: [ok] })).toMatch(/array/);
    expect(referralAuthoritiesProblem([ok, ok])).toMatch(/twice/);
    expect(referralAuthoritiesProblem([{ ...ok, id: 'Bad Id' }])).toMatch(/id/);
    expect(referralAuthoritiesProblem([{ ...ok, id: 'other' }])).toMatch(/always offered/);
    expect(referralAuthoritiesProblem([{ ...ok, name: ' ' }])).toMatch(/name/);
    expect(referralAuthoritiesProblem([{ ...ok, kind: 'court' }])).toMatch(/kind/);
    expect(referralAuthoritiesProblem([{ ...ok, country: 'xxx' }])).toMatch(/country/);
  });
});
