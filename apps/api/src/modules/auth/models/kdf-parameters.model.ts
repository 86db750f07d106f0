import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a client needs to derive the login key from a password.' })
export class KdfParameters {
  @Field(() => String, { description: 'base64' })
  salt: string;

  @Field(() => String)
  algorithm: string;

  @Field(() => Int)
  memoryKiB: number;

  @Field(() => Int)
  iterations: number;

  @Field(() => Int)
  parallelism: number;
}
