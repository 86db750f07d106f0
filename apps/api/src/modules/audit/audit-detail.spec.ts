import { describe, expect, it } from 'vitest';
import { auditDetail, REDACTED } from './audit-detail.js';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('auditDetail', () => {
  it('keeps ids, vocabulary tokens, counts, epochs, flags and times', () => {
    expect(
      auditDetail({
        userId: ID,
        from: 'viewer',
        to: 'org_admin',
        epoch: 3,
        seq: '12',
        count: 20_000,
        accept: true,
        at: new Date('2026-11-27T08:00:00.000Z'),
        grants: [ID, ID],
        nothing: null,
        skipped: undefined,
      }),
    ).toEqual({
      userId: ID,
      from: 'viewer',
      to: 'org_admin',
      epoch: 3,
      seq: '12',
      count: 20_000,
      accept: true,
      at: '2026-11-27T08:00:00.000Z',
      grants: [ID, ID],
      nothing: null,
    });
  });

  it('redacts names, e-mails, references and key material, keeping the field names', () => {
    expect(
      auditDetail({
        email: 'someone@example.org',
        displayName: 'Nadia',
        name: 'acme',
        reference: 'case-17',
        caseReference: 'A-1',
        publicKey: 'AAAA',
        fingerprints: ['ab', 'cd'],
        free: 'Ivan Petrenko',
        bytes: new Uint8Array([1, 2]),
        birthYear: 1970,
        demo: true,
        fingerprintCount: 12,
      }),
    ).toEqual({
      email: REDACTED,
      displayName: REDACTED,
      name: REDACTED,
      reference: REDACTED,
      caseReference: REDACTED,
      publicKey: REDACTED,
      fingerprints: REDACTED,
      free: REDACTED,
      bytes: REDACTED,
      birthYear: REDACTED,
      demo: true,
      // A count stays a count, whatever it counts.
      fingerprintCount: 12,
    });
  });

  it('bounds depth, list length and size', () => {
    expect(auditDetail({ many: Array.from({ length: 500 }, () => 1) })).toEqual({ many: { count: 500 } });
    expect(auditDetail({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: REDACTED } } } });
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`field${i}`, ID]));
    expect(auditDetail(wide)).toMatchObject({ truncated: true });
    expect(auditDetail('x')).toEqual({ value: 'x' });
    expect(auditDetail(null)).toEqual({ value: null });
  });
});
