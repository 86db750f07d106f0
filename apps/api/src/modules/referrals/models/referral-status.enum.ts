import { registerEnumType } from '@nestjs/graphql';
import { REFERRAL_STATUSES, type ReferralStatus } from '@parallax/domain';

/** The domain's referral statuses as a GraphQL enum (built from them, so they cannot drift apart). */
export const ReferralStatusEnum = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, s])) as {
  readonly [K in ReferralStatus]: K;
};
registerEnumType(ReferralStatusEnum, {
  name: 'ReferralStatus',
  description:
    'referred → acknowledged → investigation_opened | declined → closed; arrest, charges, trial as outcomes of an investigation.',
});
