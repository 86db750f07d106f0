import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { ArrangementStatusEnum } from '../../../common/graphql/enums.js';
import { PageArgs } from '../../../common/pagination/page.model.js';

export const CLUSTER_STATUS_FILTERS = Object.values(ArrangementStatusEnum);
export type ClusterStatusFilter = (typeof CLUSTER_STATUS_FILTERS)[number];

@ArgsType()
export class MyClustersArgs extends PageArgs {
  @Field(() => [ArrangementStatusEnum], {
    nullable: true,
    description: 'Only clusters whose arrangement is in one of these statuses.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CLUSTER_STATUS_FILTERS.length)
  @IsIn(CLUSTER_STATUS_FILTERS, { each: true })
  status?: ClusterStatusFilter[] | null;
}
