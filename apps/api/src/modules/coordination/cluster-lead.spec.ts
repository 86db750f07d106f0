import { describe, expect, it } from 'vitest';
import { ClusterLeadIndex, leadStatusOf, type PersistedCluster } from './cluster-lead.js';

const cluster = (
  id: string,
  cases: string[],
  over: Partial<PersistedCluster> = {},
): PersistedCluster => ({
  id,
  created_at: new Date('2026-01-01T00:00:00Z'),
  case_ids: cases,
  arrangement_status: 'open',
  roles_in_force: false,
  referrals: 0,
  ...over,
});

describe('the Lead column', () => {
  it('says none for no arrangement, or open with nothing ever in force', () => {
    expect(leadStatusOf(cluster('k', [], { arrangement_status: null }))).toBe('none');
    expect(leadStatusOf(cluster('k', []))).toBe('none');
  });

  it('says open when reopened with roles in force, else the status', () => {
    expect(leadStatusOf(cluster('k', [], { roles_in_force: true }))).toBe('open');
    for (const s of ['proposed', 'agreed', 'escalated', 'decided', 'reopen_requested'] as const) {
      expect(leadStatusOf(cluster('k', [], { arrangement_status: s }))).toBe(s);
    }
  });
});

describe('matching picture clusters to persisted clusters', () => {
  it('takes the one with most of the cases, the older on a tie, none when no case is in one', () => {
    const older = cluster('older', ['c1', 'c2'], {
      created_at: new Date('2025-01-01T00:00:00Z'),
      arrangement_status: 'decided',
      roles_in_force: true,
    });
    const bigger = cluster('bigger', ['c3', 'c4', 'c5'], {
      arrangement_status: 'agreed',
      referrals: 2,
    });
    const newer = cluster('newer', ['c6', 'c7']);
    const index = new ClusterLeadIndex([bigger, newer, older]);
    expect(index.leadOf(['c1', 'c2', 'c3', 'c4', 'c5'])).toEqual({
      clusterId: 'bigger',
      leadStatus: 'agreed',
      referrals: 2,
    });
    expect(index.leadOf(new Set(['c1', 'c2', 'c6', 'c7'])).clusterId).toBe('older');
    expect(index.leadOf(['x', 'y'])).toEqual({ clusterId: null, leadStatus: 'none', referrals: 0 });
  });
});
