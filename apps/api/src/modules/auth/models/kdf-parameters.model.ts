import { Field, Int, ObjectType } from '@nestjs/graphql';
import { KdfAlgorithmEnum } from '../../../common/graphql/enums.js';

@ObjectType({ description: 'What a client needs to derive the login key from a password.' })
export class KdfParameters {
  @Field(() => String, { description: 'base64' })
  salt: string;

  @Field(() => KdfAlgorithmEnum)
  algorithm: 'argon2id';

  @Field(() => Int)
  memoryKiB: number;

  @Field(() => Int)
  iterations: number;

  @Field(() => Int)
  parallelism: number;
}
