import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERLAP_STRENGTHS } from './cases.js';
import {
  crossesAlertLevel,
  DEFAULT_OVERLAP_ALERT_LEVEL,
  isOverlapAlertLevel,
  notifiedStrengths,
  NOTIFY_STRENGTHS_DEFAULT,
  strengthNotifies,
} from './overlap-alerts.js';

const strength = fc.constantFrom(...OVERLAP_STRENGTHS);

describe('overlap alert levels', () => {
  it('notifies probable and strong overlaps by default, not possible ones', () => {
    expect(notifiedStrengths(DEFAULT_OVERLAP_ALERT_LEVEL)).toEqual([...NOTIFY_STRENGTHS_DEFAULT]);
    expect(strengthNotifies('possible', DEFAULT_OVERLAP_ALERT_LEVEL)).toBe(false);
    expect(notifiedStrengths('possible')).toEqual(['strong', 'probable', 'possible']);
    expect(notifiedStrengths('strong')).toEqual(['strong']);
  });

  it('a level always notifies itself, and a stronger overlap whenever a weaker one notifies', () => {
    fc.assert(
      fc.property(strength, strength, strength, (s, t, level) => {
        expect(strengthNotifies(level, level)).toBe(true);
        const stronger = OVERLAP_STRENGTHS.indexOf(s) <= OVERLAP_STRENGTHS.indexOf(t);
        if (stronger && strengthNotifies(t, level)) expect(strengthNotifies(s, level)).toBe(true);
      }),
    );
  });

  it('tells a side once: on reaching its level, never for a rescore within the notified band', () => {
    expect(crossesAlertLevel(null, 'possible', 'probable')).toBe(false);
    expect(crossesAlertLevel(null, 'probable', 'probable')).toBe(true);
    expect(crossesAlertLevel('possible', 'probable', 'probable')).toBe(true);
    expect(crossesAlertLevel('probable', 'strong', 'probable')).toBe(false);
    expect(crossesAlertLevel('probable', 'strong', 'strong')).toBe(true);
    expect(crossesAlertLevel('strong', 'probable', 'possible')).toBe(false);
    fc.assert(
      fc.property(strength, strength, strength, (before, after, level) => {
        // Never when it does not notify now; never twice along a path that stays notified.
        if (!strengthNotifies(after, level))
          expect(crossesAlertLevel(before, after, level)).toBe(false);
        if (strengthNotifies(before, level))
          expect(crossesAlertLevel(before, after, level)).toBe(false);
      }),
    );
  });

  it('knows its levels and nothing else', () => {
    expect(OVERLAP_STRENGTHS.every(isOverlapAlertLevel)).toBe(true);
    for (const v of ['PROBABLE', 'weak', '', 'toString', null, 3])
      expect(isOverlapAlertLevel(v)).toBe(false);
  });
});
