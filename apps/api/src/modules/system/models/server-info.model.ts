import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Public facts about this hub, safe to show before login.' })
export class ServerInfo {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Release of the hub software.' })
  version: string;

  @Field(() => String, { description: 'Fingerprint schema version clients must use.' })
  schemaVersion: string;

  @Field(() => Boolean, { description: 'True when the instance was seeded with demo data.' })
  demo: boolean;
}
