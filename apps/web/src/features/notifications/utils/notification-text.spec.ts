import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import ar from '../../../i18n/messages/ar.json';
import en from '../../../i18n/messages/en.json';
import es from '../../../i18n/messages/es.json';
import fr from '../../../i18n/messages/fr.json';
import uk from '../../../i18n/messages/uk.json';
import { notificationLink, notificationText, type AppNotification } from './notification-text';

const catalogues = { en, fr, es, ar, uk };

const note = (kind: string, payload: Record<string, unknown>): AppNotification => ({
  id: 'n1',
  kind,
  payload,
  createdAt: '2026-11-27T08:00:00Z',
  readAt: null,
  workingGroupId: 'wg-1',
});

// The alerts of the probe-resistance and key-verification work (issue 9) each
// have their own sentence: a coordinator must understand them without a manual.
const ALERTS = [
  note('overlap.counterpart_changed', {
    caseId: 'c1',
    caseReference: 'SYR-1',
    change: 'withdrawn',
  }),
  note('cases.unusual_changes', { organisationName: 'Org A' }),
  note('oprf.unusual_volume', { organisationName: 'Org A', evaluationsToday: 4200 }),
  note('keys.rotation_recommended', { organisationName: 'Org A' }),
  note('keys.grant_rejected', { epoch: 3 }),
  note('keys.certified', { kind: 'member' }),
  note('keys.access_requested', {
    userName: 'Olena',
    organisationName: 'Org A',
    reason: 'uncertified',
    role: 'investigator',
  }),
  note('keys.access_requested', {
    userName: 'Omar',
    organisationName: 'Org A',
    reason: 'awaiting_copy',
  }),
  // Issue 13: an overlap rescored across the organisation's alert level.
  note('overlap.upgraded', {
    overlapId: 'o1',
    caseId: 'c2',
    caseReference: 'SYR-2',
    strength: 'probable',
    previousStrength: 'possible',
    matched: ['phone'],
  }),
];

describe('notification text', () => {
  for (const [locale, messages] of Object.entries(catalogues)) {
    it(`names every alert in ${locale}, never with the generic fallback`, () => {
      const intl = createIntl({ locale, messages });
      const generic = intl.formatMessage({ id: 'notification.other' }, { kind: 'x' });
      for (const n of ALERTS) {
        const text = notificationText(intl, n);
        expect(text).not.toBe(generic.replace('x', n.kind));
        expect(text).not.toContain('{');
      }
    });
  }

  it('fills in the figures and the kind of change', () => {
    const intl = createIntl({ locale: 'en', messages: en });
    expect(notificationText(intl, ALERTS[0] as AppNotification)).toContain('withdrew');
    expect(notificationText(intl, ALERTS[0] as AppNotification)).toContain('SYR-1');
    expect(notificationText(intl, ALERTS[2] as AppNotification)).toContain('4,200');
  });

  it('says an overlap now reaches the alert level, and leads to the case', () => {
    const intl = createIntl({ locale: 'en', messages: en });
    const upgraded = ALERTS[8] as AppNotification;
    expect(notificationText(intl, upgraded)).toContain('SYR-2');
    expect(notificationText(intl, upgraded)).toContain('Probable');
    expect(notificationLink(upgraded)).toBe('/cases/c2');
  });

  it('leads coordinators to the group', () => {
    expect(notificationLink(ALERTS[1] as AppNotification)).toBe('/working-groups/wg-1/dashboard');
    expect(notificationLink(ALERTS[3] as AppNotification)).toBe('/working-groups/wg-1');
    expect(notificationLink(ALERTS[0] as AppNotification)).toBe('/cases/c1');
  });

  it('leads the people a waiting user asked to where they verify or share', () => {
    const intl = createIntl({ locale: 'en', messages: en });
    expect(notificationText(intl, ALERTS[6] as AppNotification)).toContain('Olena');
    // A member's key is verified by their admin on the organisation page; sharing happens on the group's.
    expect(notificationLink(ALERTS[6] as AppNotification)).toBe('/organisation');
    expect(notificationLink(ALERTS[7] as AppNotification)).toBe('/working-groups/wg-1');
  });
});

// The coordination after an overlap (issue 11): payloads carry ids only, so
// each sentence says what happened and the cluster page tells the rest.
const CLUSTER_KINDS = [
  'cluster.message',
  'arrangement.proposed',
  'arrangement.countered',
  'arrangement.accepted',
  'arrangement.rejected',
  'arrangement.agreed',
  'arrangement.escalated',
  'arrangement.decided',
  'arrangement.commented',
  'arrangement.reopen_requested',
  'arrangement.reopen_answered',
  'arrangement.party_joined',
  'arrangement.party_left',
  'referral.recorded',
  'referral.updated',
  'referral.reminder',
];

describe('cluster notification text', () => {
  for (const [locale, messages] of Object.entries(catalogues)) {
    it(`words every cluster kind in ${locale}, each differently, with or without details`, () => {
      const intl = createIntl({ locale, messages, onError: (e) => expect.fail(String(e)) });
      const texts = CLUSTER_KINDS.map((kind) => {
        const bare = notificationText(
          intl,
          note(kind, { clusterId: 'k1', workingGroupId: 'wg-1' }),
        );
        expect(bare).not.toBe(intl.formatMessage({ id: 'notification.other' }, { kind }));
        expect(bare).not.toMatch(/[{}]/);
        return bare;
      });
      expect(new Set(texts).size).toBe(CLUSTER_KINDS.length);
    });
  }

  it('says whether a reopening was granted, why it escalated, and what became of a referral', () => {
    const intl = createIntl({ locale: 'en', messages: en });
    const text = (kind: string, payload: Record<string, unknown>) =>
      notificationText(intl, note(kind, { clusterId: 'k1', ...payload }));
    expect(text('arrangement.reopen_answered', { granted: true })).toContain('granted');
    expect(text('arrangement.reopen_answered', { granted: false })).toContain('refused');
    expect(text('arrangement.escalated', { reason: 'rejected_twice' })).toContain('rejected twice');
    expect(text('arrangement.party_left', { reopened: true })).toContain('open again');
    expect(text('arrangement.party_left', {})).not.toContain('open again');
    expect(text('referral.updated', { status: 'trial' })).toContain('trial');
    // A stray value is not shown as sent (no "true"/"weird" leaking into the sentence).
    expect(text('referral.updated', { status: 'weird' })).not.toContain('weird');
  });

  it('leads every cluster alert to its cluster page', () => {
    for (const kind of CLUSTER_KINDS) {
      expect(notificationLink(note(kind, { clusterId: 'k1' }))).toBe('/clusters/k1');
    }
    expect(notificationLink(note('arrangement.agreed', {}))).toBe('/clusters');
    expect(notificationLink(note('arrangement.agreed', { clusterId: '../audit' }))).toBe(
      '/clusters/..%2Faudit',
    );
  });
});
