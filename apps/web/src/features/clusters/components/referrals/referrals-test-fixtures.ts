import type { ReferralView } from '../../utils/cluster-view';
import { role } from '../arrangement/arrangement-test-fixtures';

// The referrals panel's fake hub: two authorities, one referral awaiting feedback.

export const AUTHORITIES = [
  {
    __typename: 'ReferralAuthority',
    id: 'de-bka-zbkv',
    name: 'Germany — ZBKV',
    kind: 'national_unit',
    country: 'DE',
  },
  {
    __typename: 'ReferralAuthority',
    id: 'icc-otp',
    name: 'ICC — Office of the Prosecutor',
    kind: 'icc_otp',
    country: null,
  },
];

export const referral = {
  __typename: 'Referral',
  id: 'ref-1',
  clusterId: 'cl-1',
  organisationId: 'org-1',
  authorityId: 'icc-otp',
  authorityName: 'ICC — Office of the Prosecutor',
  referredOn: '2026-09-01',
  categories: ['witness_statements', 'photos_video'],
  status: 'referred',
  statusOn: '2026-09-01',
  version: 1,
  nextStatuses: ['acknowledged', 'investigation_opened', 'declined', 'closed'],
  history: [
    {
      __typename: 'ReferralEvent',
      version: 1,
      status: 'referred',
      statusOn: '2026-09-01',
      at: '2026-09-01T10:00:00.000Z',
      actorOrganisationId: 'org-1',
      noteMessageId: null,
    },
  ],
  reminderDue: true,
} as unknown as ReferralView;

/** Example Centre (the viewer's organisation) leads. */
export const leading = {
  status: 'agreed',
  inForce: [role('org-1', 'lead', true), role('org-2', 'supporting'), role('org-3', 'observer')],
};
export const handlers = {
  ReferralAuthorities: () => ({ data: { referralAuthorities: AUTHORITIES } }),
  RecordReferral: () => ({
    data: {
      recordReferral: { __typename: 'Referral', id: 'ref-2', version: 1, status: 'referred' },
    },
  }),
  UpdateReferralStatus: () => ({
    data: {
      updateReferralStatus: {
        __typename: 'Referral',
        id: 'ref-1',
        version: 2,
        status: 'acknowledged',
      },
    },
  }),
};
