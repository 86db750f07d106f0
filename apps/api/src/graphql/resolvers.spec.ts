import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import {
  declaredAuthorization as declared,
  markedOpenToDonors,
  resolverOperations as operations,
} from './resolver-operations.js';

describe('authorization declarations', () => {
  it('finds the operations (the check below is not vacuous)', () => {
    expect(operations().length).toBeGreaterThan(0);
  });

  it('every query, mutation and subscription declares its authorization', () => {
    const missing = operations()
      .filter((op) => declared(op) === undefined)
      .map((op) => `${op.resolver}.${op.method}`);
    expect(missing).toEqual([]);
  });
});

/**
 * A donor account is refused every operation that is not public or marked
 * @OpenToDonors (AuthGuard). These lists pin what a donor reaches: opening an
 * operation to donors, or making one public, changes a list here, which a
 * reviewer sees. The cross-tenant suite checks the refusal end to end.
 */
const OPEN_TO_DONORS = [
  // The account: its sessions, signing out, the passphrase and second factor.
  'changePassword',
  'logout',
  'mySessions',
  'revokeSession',
  'setSigningKey',
  'stepUp',
  // The shell's bell, shown to every signed-in user.
  'markNotificationsRead',
  'notifications',
  'unreadMessageCount',
  // Published metrics of the groups the donor funds (issue 12).
  'metricsGrid',
  'metricsReleases',
  'publishedMetrics',
];

const PUBLIC = [
  'completeSignUp',
  'invitationPreview',
  'login',
  'loginParameters',
  'me',
  'requestPasswordReset',
  'serverInfo',
  'startSignUp',
];

describe('what a donor account reaches (deny by default)', () => {
  it('marks exactly these operations open to donors', () => {
    const open = operations()
      .filter((op) => markedOpenToDonors(op))
      .map((op) => op.name);
    expect(open.sort()).toEqual([...OPEN_TO_DONORS].sort());
  });

  it('has exactly these public operations (public means open to donors too)', () => {
    const open = operations()
      .filter((op) => declared(op)?.kind === 'public')
      .map((op) => op.name);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it('marks no public operation open to donors (the mark would say nothing)', () => {
    const both = operations()
      .filter((op) => declared(op)?.kind === 'public' && markedOpenToDonors(op))
      .map((op) => op.name);
    expect(both).toEqual([]);
  });
});
