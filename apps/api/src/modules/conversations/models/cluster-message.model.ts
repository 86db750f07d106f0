import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../../common/pagination/page.model.js';
import { MessageAudienceEnum, type MessageAudience } from './message-audience.enum.js';

@ObjectType({
  description:
    "A message of a cluster's conversation as the hub keeps it: who sent it to whom and when, and the viewer's own sealed copy. The text, the signature and contact cards exist only inside the copies.",
})
export class ClusterMessage {
  @Field(() => ID)
  id: string;

  @Field(() => ID, {
    description: 'The cluster it was sent in (a cluster merged since keeps its messages).',
  })
  clusterId: string;

  @Field(() => ID)
  senderUserId: string;

  @Field(() => ID, { nullable: true, description: 'Null for a coordinator.' })
  senderOrganisationId: string | null;

  @Field(() => MessageAudienceEnum)
  audience: MessageAudience;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => [ID], {
    description:
      'Who holds a copy (the signed recipients list inside the copy is the one to trust).',
  })
  recipientUserIds: string[];

  @Field(() => String, {
    nullable: true,
    description: "base64 of the viewer's own copy; null when the viewer holds none.",
  })
  sealed: string | null;

  @Field(() => Boolean, {
    description: 'Whether the viewer has read it (its own messages count as read).',
  })
  read: boolean;
}

export const ClusterMessagePage = Paginated(ClusterMessage, 'ClusterMessagePage');
