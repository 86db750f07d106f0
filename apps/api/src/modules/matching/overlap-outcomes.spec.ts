import type { OverlapAlertLevel, OverlapStrength } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import { AlertPolicy } from '../overlap-alerts/alert-policy.js';
import { overlapAlerts } from './overlap-outcomes.js';
import type { AlertingPair } from './pair-scoring.js';

const pair = (strength: OverlapStrength): AlertingPair => ({
  caseA: 'case-a',
  caseB: 'case-b',
  orgA: 'org-a',
  orgB: 'org-b',
  refA: 'A-1',
  refB: 'B-1',
  workingGroupId: 'wg',
  score: 0.9,
  strength,
  matched: ['phone'],
});

const policy = (
  levels: Record<string, OverlapAlertLevel>,
  before: OverlapStrength | null,
): AlertPolicy =>
  new AlertPolicy(
    new Map(Object.entries(levels)),
    before ? [{ case_a: 'case-a', case_b: 'case-b', strength: before }] : [],
  );

const sent = (
  strength: OverlapStrength,
  inserted: boolean,
  levels: Record<string, OverlapAlertLevel>,
  before: OverlapStrength | null,
) =>
  overlapAlerts(
    { id: 'o1', case_a: 'case-a', case_b: 'case-b', inserted },
    pair(strength),
    policy(levels, before),
  ).map((n) => [n.recipientOrganisationId, n.kind, n.payload['caseReference']]);

describe('who hears of a written overlap', () => {
  it('a new overlap: each side whose level it reaches, about its own case', () => {
    expect(sent('possible', true, {}, null)).toEqual([]);
    expect(sent('probable', true, {}, null)).toEqual([
      ['org-a', 'overlap.new', 'A-1'],
      ['org-b', 'overlap.new', 'B-1'],
    ]);
    expect(sent('possible', true, { 'org-b': 'possible' }, null)).toEqual([
      ['org-b', 'overlap.new', 'B-1'],
    ]);
    expect(sent('probable', true, { 'org-a': 'strong' }, null)).toEqual([
      ['org-b', 'overlap.new', 'B-1'],
    ]);
  });

  it('a rescore: the sides it lifts across their level, once', () => {
    expect(sent('probable', false, {}, 'possible')).toEqual([
      ['org-a', 'overlap.upgraded', 'A-1'],
      ['org-b', 'overlap.upgraded', 'B-1'],
    ]);
    expect(sent('strong', false, { 'org-b': 'strong' }, 'probable')).toEqual([
      ['org-b', 'overlap.upgraded', 'B-1'],
    ]);
    // Down, or up within the notified band: no one.
    expect(sent('possible', false, { 'org-a': 'possible' }, 'probable')).toEqual([]);
    expect(sent('strong', false, {}, 'probable')).toEqual([]);
  });

  it('an overlap another batch inserted meanwhile (written, not inserted, not stored before): no one, that batch told them', () => {
    expect(sent('strong', false, {}, null)).toEqual([]);
  });
});
