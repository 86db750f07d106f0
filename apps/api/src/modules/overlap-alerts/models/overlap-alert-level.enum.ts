import { registerEnumType } from '@nestjs/graphql';
import { OVERLAP_ALERT_LEVELS, type OverlapAlertLevel } from '@parallax/domain';

/** The domain's levels (the overlap strengths), so the GraphQL enum and the rule cannot drift apart. */
export const OverlapAlertLevelEnum = Object.fromEntries(
  OVERLAP_ALERT_LEVELS.map((l) => [l, l]),
) as { readonly [K in OverlapAlertLevel]: K };
registerEnumType(OverlapAlertLevelEnum, {
  name: 'OverlapAlertLevel',
  description:
    'The weakest overlap strength that notifies an organisation: strong, probable (the default) or possible. Weaker overlaps are still listed on the case.',
});
