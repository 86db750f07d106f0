import { describe, expect, it } from 'vitest';
import { likeLiteral, normaliseOverlapFilter } from './overlap-filter.js';

describe('normaliseOverlapFilter', () => {
  it('gives one canonical form: sets in vocabulary order, empty means none, search trimmed', () => {
    expect(
      normaliseOverlapFilter({
        strengths: ['possible', 'strong', 'strong'],
        verdicts: [],
        statuses: ['retracted', 'open'],
        search: '  SYR ',
        createdFrom: '2026-02-28',
        createdTo: '2026-02-28',
      }),
    ).toEqual({
      workingGroupId: null,
      caseId: null,
      includeRetracted: false,
      strengths: ['strong', 'possible'],
      verdicts: null,
      statuses: ['open', 'retracted'],
      createdFrom: '2026-02-28',
      createdTo: '2026-02-28',
      search: 'SYR',
    });
    expect(normaliseOverlapFilter({ search: '   ' }).search).toBeNull();
  });

  it.each([
    [{ createdFrom: '2026-02-29' }, 'createdFrom'],
    [{ createdTo: '26-01-01' }, 'createdTo'],
    [{ createdFrom: '2026-03-02', createdTo: '2026-03-01' }, 'createdTo'],
    [{ search: 'x'.repeat(81) }, 'search'],
    [{ verdicts: ['maybe' as 'none'] }, 'verdicts'],
    [{ statuses: ['closed' as 'open'] }, 'statuses'],
  ])('refuses %j with BAD_USER_INPUT on %s', (input, field) => {
    expect(() => normaliseOverlapFilter(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }),
    );
  });

  it('takes % and _ literally in a search', () => {
    expect(likeLiteral('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
