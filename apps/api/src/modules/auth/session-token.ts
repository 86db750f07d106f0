import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = '__Host-parallax_session';

/** 256 random bits, URL-safe; only its SHA-256 is stored. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
