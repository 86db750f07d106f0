import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@ObjectType({ description: 'Where a page ends, to ask for the next one.' })
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page; null on an empty page.' })
  endCursor: string | null;

  @Field(() => Boolean)
  hasNextPage: boolean;
}

/** `first` and `after` of a cursor-paginated list (validated by the global pipe). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Rows per page, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`." })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/**
 * A page of `item`s with the exact total of the filtered list, so no list
 * ever stops silently at a cap: the client shows "50 of 1,234" and a way on.
 */
export function Paginated<T>(item: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(name, { isAbstract: false })
  class PageType implements Page<T> {
    @Field(() => [item])
    nodes: T[];

    @Field(() => Int, { description: 'How many rows match the filters, across all pages.' })
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return PageType;
}
