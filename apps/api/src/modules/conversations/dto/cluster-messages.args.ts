import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.model.js';

@ArgsType()
export class ClusterMessagesArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  clusterId: string;
}
