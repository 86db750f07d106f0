import { registerEnumType } from '@nestjs/graphql';

/** Who a cluster message is sealed to: the parties' participants, or them and the group's coordinators (arrangement notes). */
export const MESSAGE_AUDIENCES = ['parties', 'parties_and_coordinators'] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

export const MessageAudienceEnum = {
  parties: 'parties',
  parties_and_coordinators: 'parties_and_coordinators',
} as const satisfies { [K in MessageAudience]: K };
registerEnumType(MessageAudienceEnum, {
  name: 'MessageAudience',
  description:
    'parties (the conversation) or parties_and_coordinators (notes of the arrangement and referrals).',
});
