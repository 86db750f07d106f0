import { ParseArrayPipe, type Type } from '@nestjs/common';
import { Args } from '@nestjs/graphql';

/**
 * A list-of-inputs argument, validated item by item. Nest's global
 * ValidationPipe skips arrays (their reflected type is just Array), so
 * without this a list argument would reach the service unchecked.
 */
export function ListArg<T>(name: string, item: Type<T>) {
  return Args(
    name,
    { type: () => [item] },
    new ParseArrayPipe({ items: item, whitelist: true, forbidNonWhitelisted: true }),
  );
}
