import { createHash } from 'node:crypto';
import { keyDomain, NAME_KINDS, NAME_SET_KINDS } from '@parallax/fingerprint';
import {
  contributes,
  holderCountCap,
  holderCountCapAnyLabel,
  NAME_SET_LABELS,
  type PairContext,
  type SharedFingerprint,
} from '@parallax/matching';
import { describe, expect, it, vi } from 'vitest';
import type { CaseHead, FingerprintRow } from './matching.repository.js';

// The real scorer, observed: what the hub hands it is what these tests check.
const calls: Array<{ shared: readonly SharedFingerprint[]; context: PairContext | undefined }> = [];
vi.mock('@parallax/matching', async (original) => {
  const real = await original<typeof import('@parallax/matching')>();
  return {
    ...real,
    scorePair: (shared: readonly SharedFingerprint[], context?: PairContext) => {
      calls.push({ shared, context });
      return real.scorePair(shared, context);
    },
  };
});

const { candidateProbes, holderProbes, Rarity, scoreCandidates, sharedFingerprints } =
  await import('./pair-scoring.js');

const fp = (label: string): Buffer => createHash('sha256').update(label).digest();
const row = (caseId: string, kind: string, label: string): FingerprintRow => ({
  case_id: caseId,
  kind,
  fp: fp(label),
});
const head = (id: string, org: string, epoch = 2): CaseHead => ({
  id,
  working_group_id: 'wg-1',
  organisation_id: org,
  reference: `REF-${id}`,
  epoch,
  withdrawn_at: null,
  frozen_at: null,
  member: true,
  version: 'v',
  current_epoch: epoch,
});

describe('shared fingerprints across labels (v2: one OPRF domain for name token sets)', () => {
  it("finds a fingerprint that is one case's name.full and the other's name.pair, with both labels", () => {
    const mine = [row('a', 'name.full', 'ivan petrenko'), row('a', 'name.glued', 'ivanpetrenko')];
    const theirs = [row('b', 'name.pair', 'ivan petrenko'), row('b', 'name.sub', 'x y z')];
    const shared = sharedFingerprints(mine, theirs, () => 3);
    expect(shared).toEqual([
      {
        kind: 'name.full',
        otherKind: 'name.pair',
        fp: fp('ivan petrenko').toString('hex'),
        frequency: 3,
      },
    ]);
  });

  it('counts a fingerprint once even when one case lists it under two labels', () => {
    const mine = [row('a', 'name.full', 'x y'), row('a', 'name.pair', 'x y')];
    const theirs = [row('b', 'name.sub', 'x y'), row('b', 'name.pair', 'x y')];
    expect(sharedFingerprints(mine, theirs, () => 2)).toHaveLength(1);
  });

  it('scores each pair on the cross-label shared fingerprints and the kinds each case holds', () => {
    calls.length = 0;
    const a = head('a', 'org-a');
    const heads = new Map([[a.id, a]]);
    const held = new Map<string, FingerprintRow[]>([
      ['a', [row('a', 'name.full', 'anna maria schmidt'), row('a', 'name.pair+yob', 'am1970')]],
      ['b', [row('b', 'name.sub', 'anna maria schmidt'), row('b', 'name.pair+yob', 'am1970')]],
    ]);
    const rarity = new Rarity([
      { wg: 'wg-1', epoch: 2, fp: fp('anna maria schmidt'), n: 2 },
      { wg: 'wg-1', epoch: 2, fp: fp('am1970'), n: 2 },
    ]);
    scoreCandidates(
      heads,
      [{ mine: 'a', other: 'b', other_org: 'org-b', other_reference: 'REF-b' }],
      held,
      rarity,
    );
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.context?.leftKinds).toEqual(new Set(['name.full', 'name.pair+yob']));
    expect(call?.context?.rightKinds).toEqual(new Set(['name.sub', 'name.pair+yob']));
    expect(call?.shared.map((s) => [s.kind, s.otherKind]).sort()).toEqual([
      ['name.full', 'name.sub'],
      ['name.pair+yob', 'name.pair+yob'],
    ]);
  });
});

describe('rarity from holder counts', () => {
  it('counts holders per (group, epoch): the same fingerprint of another epoch is another count', () => {
    const rarity = new Rarity([
      { wg: 'wg-1', epoch: 2, fp: fp('x y'), n: 5 },
      { wg: 'wg-1', epoch: 1, fp: fp('x y'), n: 9 },
    ]);
    expect(rarity.of(head('a', 'o1'), fp('x y'))).toBe(5);
    expect(rarity.of(head('c', 'o3', 1), fp('x y'))).toBe(9);
    expect(rarity.of(head('a', 'o1'), fp('unseen'))).toBe(1);
  });

  it('takes the labels one fingerprint may carry from the fingerprint schema: the kinds of one OPRF domain', () => {
    expect(NAME_SET_LABELS).toEqual(NAME_SET_KINDS);
    for (const kind of [...NAME_KINDS, 'id.passport', 'phone'])
      expect(NAME_SET_LABELS.includes(kind), kind).toBe(keyDomain(kind) !== kind);
  });

  it("counts a token-set fingerprint's holders as far as any label it may carry needs", () => {
    const a = head('a', 'o1');
    for (const label of NAME_SET_KINDS) {
      const [probe] = holderProbes(new Map([[a.id, a]]), [row('a', label, 'x y')]);
      expect(probe?.cap, label).toBe(Math.max(...NAME_SET_KINDS.map(holderCountCap)));
    }
    expect(holderCountCapAnyLabel('id.passport')).toBe(holderCountCap('id.passport'));
  });

  it('looks a token-set fingerprint up while it may add evidence under any of its labels', () => {
    const a = head('a', 'o1');
    const heads = new Map([[a.id, a]]);
    for (const label of NAME_SET_KINDS) {
      const rows = [row('a', label, 'x y')];
      for (let n = 1; n <= 80; n++) {
        const rarity = new Rarity([{ wg: 'wg-1', epoch: 2, fp: fp('x y'), n }]);
        // Whatever this case calls it, the other case may call it by another label.
        const expected = n >= 2 && NAME_SET_KINDS.some((k) => contributes(k, n));
        expect(candidateProbes(heads, rows, rarity).length, `${label} n=${n}`).toBe(
          expected ? 1 : 0,
        );
      }
    }
    // Other kinds are pruned on their own label.
    const passport = [row('a', 'id.passport', 'P1')];
    for (let n = 2; n <= 60; n++) {
      const rarity = new Rarity([{ wg: 'wg-1', epoch: 2, fp: fp('P1'), n }]);
      expect(candidateProbes(heads, passport, rarity).length).toBe(
        contributes('id.passport', n) ? 1 : 0,
      );
    }
  });
});
