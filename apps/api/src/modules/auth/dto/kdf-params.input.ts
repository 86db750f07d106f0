import { Field, InputType, Int } from '@nestjs/graphql';
import { KdfAlgorithmEnum } from '../../../common/graphql/enums.js';
import { Equals, IsInt, Max, Min } from 'class-validator';

@InputType()
export class KdfParamsInput {
  @Field(() => KdfAlgorithmEnum)
  @Equals('argon2id')
  algorithm: 'argon2id';

  @Field(() => Int)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024)
  memoryKiB: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(20)
  iterations: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(8)
  parallelism: number;
}
