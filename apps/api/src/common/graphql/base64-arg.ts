import { type PipeTransform } from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import { ErrorCode } from '@parallax/domain';
import { DomainException } from '../errors/domain-exception.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u;

class Base64ArgException extends DomainException {}

/** Refuses anything but padded standard base64 of 1..maxBytes bytes (Buffer.from would silently skip junk). */
class Base64BytesPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly name: string,
    private readonly maxBytes: number,
  ) {}

  transform(value: unknown): string {
    if (
      typeof value !== 'string' ||
      value.length === 0 ||
      value.length > Math.ceil(this.maxBytes / 3) * 4 ||
      !BASE64.test(value)
    ) {
      throw new Base64ArgException(
        ErrorCode.BadUserInput,
        `${this.name} must be base64 of at most ${this.maxBytes} bytes`,
        { field: this.name },
      );
    }
    return value;
  }
}

/** A String argument holding base64 of at most `maxBytes` bytes. */
export function Base64Arg(name: string, maxBytes: number) {
  return Args(name, { type: () => String }, new Base64BytesPipe(name, maxBytes));
}
