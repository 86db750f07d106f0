import { applyDecorators } from '@nestjs/common';
import { IsBase64, Matches, MaxLength } from 'class-validator';

/** Base64 (standard alphabet) of at most `maxBytes` bytes. */
export function IsBase64Bytes(maxBytes: number) {
  return applyDecorators(IsBase64(), MaxLength(Math.ceil(maxBytes / 3) * 4));
}

/** A six-digit authenticator code. */
export function IsTotpCode() {
  return Matches(/^\d{6}$/, { message: 'The code has six digits' });
}

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromB64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
