import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import {
  IDEMPOTENCY_KEY_LENGTH,
  importIdempotencyKey,
  importReference,
  randomIdempotencyKey,
} from './idempotency';

const keyA = new Uint8Array(32).fill(7);
const keyB = new Uint8Array(32).fill(8);

describe('idempotency keys of imported records', () => {
  it('are deterministic: the same record under the same group key gets the same key', () => {
    const first = importIdempotencyKey(keyA, 'record-17');
    expect(first).toBe(importIdempotencyKey(Uint8Array.from(keyA), 'record-17'));
    expect(first).toHaveLength(IDEMPOTENCY_KEY_LENGTH);
    // What the API accepts: 8 to 100 URL-safe characters.
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('differ per record and per group key, and do not show the record id', () => {
    const a = importIdempotencyKey(keyA, 'record-17');
    expect(importIdempotencyKey(keyA, 'record-18')).not.toBe(a);
    expect(importIdempotencyKey(keyB, 'record-17')).not.toBe(a);
    expect(a).not.toContain('record');
  });

  it('are HMAC-SHA256 under the group key, base64url, 32 characters', () => {
    const mac = hmac(sha256, keyA, new TextEncoder().encode('parallax/v1/idempotency/record-17'));
    const b64url = btoa(String.fromCharCode(...mac))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(importIdempotencyKey(keyA, 'record-17')).toBe(b64url.slice(0, 32));
  });

  it('derive short keyed references, and random keys for hand-entered cases', () => {
    const reference = importReference(keyA, 'record-17', 'SYR-');
    expect(reference).toMatch(/^SYR-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(importReference(keyA, 'record-17', 'SYR-')).toBe(reference);
    expect(importReference(keyB, 'record-17', 'SYR-')).not.toBe(reference);
    expect(randomIdempotencyKey()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomIdempotencyKey()).not.toBe(randomIdempotencyKey());
  });
});
