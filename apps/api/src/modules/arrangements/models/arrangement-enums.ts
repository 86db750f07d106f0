import { registerEnumType } from '@nestjs/graphql';
import type { ArrangementStatus } from '@parallax/domain';

/** LeadRole and ArrangementStatus are shared with the clusters module: see common/graphql/enums.ts. */
export { ArrangementStatusEnum, LeadRoleEnum } from '../../../common/graphql/enums.js';

/** The stored statuses: the rule book's, plus `merged` (the cluster joined an older one; frozen). */
export type StoredArrangementStatus = ArrangementStatus | 'merged';

/** Who may negotiate the lead for an organisation. */
export const LEAD_NEGOTIATORS = ['admins', 'admins_and_investigators'] as const;
export type LeadNegotiators = (typeof LEAD_NEGOTIATORS)[number];

export const LeadNegotiatorsEnum = {
  admins: 'admins',
  admins_and_investigators: 'admins_and_investigators',
} as const satisfies { [K in LeadNegotiators]: K };
registerEnumType(LeadNegotiatorsEnum, {
  name: 'LeadNegotiators',
  description:
    'Who negotiates the lead for the organisation: its admins, or its investigators too.',
});
