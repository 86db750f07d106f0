import { applyDecorators } from '@nestjs/common';
import { ErrorCode } from '@parallax/domain';
import { IsBase64, Matches, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { DomainException } from '../errors/domain-exception.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes a canonical base64 text decodes to, or null when it is not canonical base64. */
export function decodedLength(text: string): number | null {
  if (!BASE64.test(text)) return null;
  return (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

/**
 * Base64 (standard alphabet) of `minBytes`…`maxBytes` bytes once decoded.
 * Keys have an exact length (give both bounds); an empty or truncated key is
 * refused here rather than failing later in cryptography or the database.
 */
export function IsBase64Bytes(maxBytes: number, minBytes = 1, options?: ValidationOptions) {
  return applyDecorators(
    IsBase64(),
    MaxLength(Math.ceil(maxBytes / 3) * 4),
    ValidateBy(
      {
        name: 'isBase64Bytes',
        validator: {
          validate: (value: unknown) => {
            if (typeof value !== 'string') return false;
            const n = decodedLength(value);
            return n !== null && n >= minBytes && n <= maxBytes;
          },
          defaultMessage: () =>
            minBytes === maxBytes
              ? `$property must be base64 of exactly ${maxBytes} bytes`
              : `$property must be base64 of ${minBytes} to ${maxBytes} bytes`,
        },
      },
      options,
    ),
  );
}

/** A six-digit authenticator code. */
export function IsTotpCode() {
  return Matches(/^\d{6}$/, { message: 'The code has six digits' });
}

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromB64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * Decodes a base64 key argument whose decoded length must lie in
 * `bytes` (a number for an exact length): BAD_USER_INPUT naming `field`
 * otherwise, before any service sees it.
 */
export function fromB64Key(
  text: string,
  bytes: number | { min: number; max: number },
  field: string,
): Uint8Array {
  const { min, max } = typeof bytes === 'number' ? { min: bytes, max: bytes } : bytes;
  const n = decodedLength(text);
  if (n === null || n < min || n > max) {
    throw new DomainException(
      ErrorCode.BadUserInput,
      min === max
        ? `${field} must be base64 of exactly ${max} bytes`
        : `${field} must be base64 of ${min} to ${max} bytes`,
      { field },
    );
  }
  return fromB64(text);
}

/** RFC 5321: a path is at most 256 octets, so an address at most 254 characters. */
export const MAX_EMAIL_LENGTH = 254;

/** An e-mail argument outside an input type (which would use @MaxLength): refused when longer than any address. */
export function checkEmailArg(email: string): string {
  if (email.length > MAX_EMAIL_LENGTH) {
    throw new DomainException(
      ErrorCode.BadUserInput,
      `An e-mail address has at most ${MAX_EMAIL_LENGTH} characters`,
      { field: 'email' },
    );
  }
  return email;
}
